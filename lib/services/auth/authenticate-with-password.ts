import 'server-only';
// Email + password sign-in with failed-attempt limits per account and per IP (sliding window in the database,
// so it holds across replicas). Unknown accounts cost the same time as known ones.
import { AppError, fieldErrorsFromIssues } from '@/lib/errors';
import { ZSignInInput } from '@/lib/schemas/identity';
import { getDb } from '@/lib/server/db/client';
import { dummyPasswordHash, verifyPassword } from '@/lib/server/crypto';
import { demoDataEnabled, env } from '@/lib/server/env';
import { DEMO_PASSWORD } from '@/lib/server/demo';

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
}

export async function authenticateWithPassword(input: unknown, ip: string): Promise<AuthenticatedUser> {
  const parsed = ZSignInInput.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsFromIssues(parsed.error.issues);
    throw new AppError('VALIDATION', { userMessage: Object.values(fieldErrors).flat()[0] ?? 'Invalid input.', fieldErrors });
  }
  const email = parsed.data.email.toLowerCase();
  const { password } = parsed.data;
  const db = await getDb();
  const e = env();
  const since = new Date(Date.now() - e.LOGIN_WINDOW_MINUTES * 60_000);
  const [byAccount, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { email, success: false, createdAt: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }),
  ]);
  if (byAccount >= e.LOGIN_MAX_FAILURES_PER_ACCOUNT || byIp >= e.LOGIN_MAX_FAILURES_PER_IP) {
    throw new AppError('RATE_LIMITED', {
      userMessage: `Too many failed sign-in attempts. Try again in ${e.LOGIN_WINDOW_MINUTES} minutes.`,
      retryAfterSeconds: e.LOGIN_WINDOW_MINUTES * 60,
    });
  }
  const user = await db.user.findUnique({ where: { email }, include: { tenant: { select: { suspendedAt: true } } } });
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyPasswordHash(), password), false);
  // Demo passwords are refused in production unless demo data is on.
  const demoRefused = ok && password === DEMO_PASSWORD && e.NODE_ENV === 'production' && !demoDataEnabled();
  // A deactivated account or a suspended tenant is refused like a wrong password (nothing to learn from the answer).
  if (!user || !ok || user.disabled || user.tenant?.suspendedAt || demoRefused) {
    await db.loginAttempt.create({ data: { email, ip, success: false } });
    throw new AppError('UNAUTHENTICATED', {
      userMessage: demoRefused ? 'Demo accounts are disabled in production.' : 'Incorrect email or password.',
    });
  }
  await db.$transaction([
    db.loginAttempt.create({ data: { email, ip, success: true } }),
    db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } }),
  ]);
  return { id: user.id, email: user.email, name: user.name };
}
