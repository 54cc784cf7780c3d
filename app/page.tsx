import { redirect } from 'next/navigation';
import { getActor } from '@/lib/server/auth/actor';

export const dynamic = 'force-dynamic';

// Where each role lands after signing in: operators work from the approval inbox, everyone else from the catalogue.
export default async function Home() {
  const actor = await getActor();
  redirect(!actor ? '/sign-in' : actor.roles.includes('operator') ? '/approvals' : '/catalogue');
}
