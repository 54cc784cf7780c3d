import { NextResponse } from 'next/server';
import { checkHealth } from '@/lib/services/health/check-health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const h = await checkHealth();
  return NextResponse.json(h, { status: h.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
