import { sectionLayout } from '@/lib/server/auth/guard';

export default sectionLayout('oauth_connection.read_own');
