import { sectionLayout } from '@/lib/server/auth/guard';

export default sectionLayout('catalogue.read');
