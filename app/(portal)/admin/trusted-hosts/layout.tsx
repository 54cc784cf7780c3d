import { sectionLayout } from '@/lib/server/auth/guard';

// Checked above loading.tsx, so a refusal answers a real 403.
export default sectionLayout('trusted_host.read');
