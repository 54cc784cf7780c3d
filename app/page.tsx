import { redirect } from 'next/navigation';
import { getActor } from '@/lib/server/auth/actor';

export const dynamic = 'force-dynamic';

export default async function Home() {
  redirect((await getActor()) ? '/catalogue' : '/sign-in');
}
