import { requirePageActor } from '@/lib/server/auth/guard';
import { can, navFor } from '@/lib/policy';
import { ROLE_LABELS } from '@/lib/schemas/identity';
import { SideNav } from '@/components/shell/side-nav';
import { UserMenu } from '@/components/shell/user-menu';
import { HeaderSlot } from '@/components/shell/header-slot';
import { findNotifications } from '@/lib/services/notifications/find-notifications';

export const dynamic = 'force-dynamic';

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const notifications = await findNotifications({ actor, unread: false, limit: 8 }).catch(() => null);
  const nav = navFor(actor).map(({ href, label }) => ({ href, label }));
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-background focus:p-2">
        Skip to content
      </a>
      <SideNav items={nav} tenant={actor.tenantName ?? 'Platform (all tenants)'} approvalsBadge={can(actor, 'approval.read')} />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-end gap-3 border-b border-border bg-card px-4 py-2 md:px-6">
          <HeaderSlot notifications={notifications} />
          <UserMenu
            name={actor.label}
            email={actor.email}
            tenant={actor.tenantName}
            roles={actor.roles.map((r) => ROLE_LABELS[r])}
          />
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 p-4 md:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
