import type { Metadata } from 'next';
import { headers } from 'next/headers';
import './globals.css';
import { Providers } from '@/components/providers';

export const metadata: Metadata = {
  title: { default: 'MCP Tool Platform', template: '%s · MCP Tool Platform' },
  description: 'Governed tools for AI agents: catalogue, intake, activation, approvals, audit and the /mcp server.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, so Next puts proxy.ts's CSP nonce on its scripts.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen bg-background font-sans text-foreground antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
