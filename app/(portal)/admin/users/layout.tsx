import { sectionLayout } from '@/lib/server/auth/guard';

// All users of the platform: platform admins only (tenant admins manage theirs in their tenant). Checked above loading.tsx: a real 403.
export default sectionLayout('tenant.manage');
