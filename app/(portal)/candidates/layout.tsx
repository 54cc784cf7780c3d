import { sectionLayout } from '@/lib/server/auth/guard';

export default sectionLayout('candidates.read');
