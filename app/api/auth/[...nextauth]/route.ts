import NextAuth from 'next-auth';
import { authOptions } from '@/lib/server/auth/options';

export const dynamic = 'force-dynamic';

function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return (NextAuth(authOptions()) as (r: Request, c: unknown) => Promise<Response>)(req, ctx);
}

export { handler as GET, handler as POST };
