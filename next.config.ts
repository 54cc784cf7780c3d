import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // NEXT_DIST_DIR lets parallel e2e runs (or a CI matrix) build side by side; default .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  experimental: { authInterrupts: true },
  // Native, WASM and driver packages stay outside the server bundle.
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@electric-sql/pglite-socket',
    'pglite-prisma-adapter',
    '@prisma/adapter-pg',
    '@prisma/schema-engine-wasm',
    '@prisma/driver-adapter-utils',
    'pg',
    '@node-rs/argon2',
    'nodemailer',
    // One copy with the /mcp pipeline loaded outside the bundle (scripts/serve.ts): one registry of metrics.
    'prom-client',
    // The OAuth authorization server (Koa inside): loaded as is, like in scripts/serve.ts.
    'oidc-provider',
  ],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
