import { sectionLayout } from '@/lib/server/auth/guard';

// Checked before anything streams (a real 403). The list keeps its loading.tsx in (list); a server's page has none, so
// an unknown or hidden id answers a real 404.
export default sectionLayout('upstream.read');
