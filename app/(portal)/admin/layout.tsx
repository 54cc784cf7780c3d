import { sectionLayout } from '@/lib/server/auth/guard';

// Platform admins and tenant admins; each page narrows further (tenants are platform admins' only).
export default sectionLayout('user.manage');
