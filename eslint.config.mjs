import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const PRISMA_ONLY_IN = 'Prisma is imported only from lib/server, lib/services, mcp-server, prisma/, scripts/ and test fixtures.';

const config = [
  { ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'lib/generated/**', 'playwright-report/**', 'test-results/**', '.data*/**', 'next-env.d.ts'] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Layering: the UI and the isomorphic lib never reach the database directly.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/*.ts', 'lib/schemas/**', 'lib/queries/**'],
    // Entry points (pages, routes, actions) go through services too; only the MCP route's own server reaches Prisma.
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/lib/generated/*', '@/lib/server/db/*', '@prisma/*', 'pg'], message: PRISMA_ONLY_IN }] }],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/lib/generated/*', '@/lib/server/*', '@/lib/services/*', '@prisma/*'], message: 'Components get data through props, actions or /api/v1, never from server code.' }] }],
    },
  },
];

export default config;
