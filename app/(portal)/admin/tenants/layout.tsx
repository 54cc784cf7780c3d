import { sectionLayout } from '@/lib/server/auth/guard';

// A tenant's page has no loading.tsx: another tenant's id or an unknown one answers a real 404 (tenant admins see only theirs).
export default sectionLayout('user.manage');
