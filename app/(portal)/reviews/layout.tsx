import { sectionLayout } from '@/lib/server/auth/guard';

export default sectionLayout('tool_request.review');
