import { z } from 'zod';

export const ROLES = ['requester', 'tool_owner', 'security_reviewer', 'operator', 'tenant_admin', 'platform_admin', 'auditor'] as const;
export const ZRole = z.enum(ROLES).describe('A portal role');
export type TRole = z.infer<typeof ZRole>;

export const ROLE_LABELS: Record<TRole, string> = {
  requester: 'Requester',
  tool_owner: 'Tool owner',
  security_reviewer: 'Security reviewer',
  operator: 'Operator',
  tenant_admin: 'Tenant admin',
  platform_admin: 'Platform admin',
  auditor: 'Auditor',
};

export const ZSignInInput = z.object({
  email: z.string().trim().min(1, 'Enter your email address.').max(254).pipe(z.email('Enter a valid email address.')),
  password: z.string().min(1, 'Enter your password.').max(512, 'Password is too long.'),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;
