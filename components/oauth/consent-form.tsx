'use client';
import { useEffect, useMemo, useState, useTransition } from 'react';
import { ShieldCheck } from 'lucide-react';
import { decideConsentAction } from '@/app/oauth/consent/[uid]/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { EmptyState } from '@/components/ui/empty-state';

interface ConsentView {
  uid: string;
  client: { id: string; name: string; uri: string | null; viaMetadataDocument: boolean; redirectHost: string };
  tools: { slug: string; title: string; category: string; description: string }[];
  groups: { key: string; category: string; slugs: string[] }[];
  requested: { all: boolean; slugs: string[]; groups: string[] };
}

/** Which application asks, for which of the user's tools; Allow grants only what is ticked, Deny refuses. */
export function ConsentForm({ view, email, tenantName }: { view: ConsentView; email: string; tenantName: string; callbackUrl: string }) {
  const [all, setAll] = useState(view.requested.all);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(view.requested.slugs));
  const [chosenGroups, setChosenGroups] = useState<Set<string>>(() => new Set(view.requested.groups));
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  // Once a decision is recorded the browser is on its way to the application: the form stays locked (a second click
  // would send a second decision for the same authorization).
  const [leaving, setLeaving] = useState(false);
  const busy = pending || leaving;
  // Back to this page from the browser's cache: the decision may be made again (the server says if it is too late).
  useEffect(() => {
    const restored = (e: PageTransitionEvent) => e.persisted && setLeaving(false);
    window.addEventListener('pageshow', restored);
    return () => window.removeEventListener('pageshow', restored);
  }, []);
  const groups = useMemo(() => view.groups.map((g) => ({ ...g, tools: view.tools.filter((t) => g.slugs.includes(t.slug)) })), [view.groups, view.tools]);
  // A ticked group covers its tools: they are sent as the group, not one by one.
  const covered = useMemo(() => new Set(groups.filter((g) => chosenGroups.has(g.key)).flatMap((g) => g.slugs)), [groups, chosenGroups]);
  const tools = [...chosen].filter((slug) => !covered.has(slug));

  const decide = (decision: 'allow' | 'deny') =>
    start(async () => {
      setError(null);
      const res = await decideConsentAction({ uid: view.uid, decision, all, tools: all ? [] : tools, groups: all ? [] : [...chosenGroups] });
      if (res.ok) {
        setLeaving(true);
        window.location.assign(res.data.redirectTo);
      } else setError(res.message);
    });

  const toggle = (set: typeof setChosen, key: string, on: boolean) =>
    set((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <section aria-labelledby="consent-title" className="w-full max-w-lg space-y-5 rounded-lg border border-border bg-card p-6 shadow-sm">
      <header className="space-y-1">
        <p className="flex items-center gap-2 text-sm font-medium text-primary">
          <ShieldCheck aria-hidden className="size-4" /> MCP Tool Platform
        </p>
        <h1 id="consent-title" className="text-xl font-semibold">
          <span data-testid="consent-client">{view.client.name}</span> wants to use your tools
        </h1>
        <p className="text-sm text-muted-foreground">
          It will act as you ({email}{tenantName ? `, ${tenantName}` : ''}) with your activation, limits and approvals; every call is audited as you through this application.
        </p>
      </header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted-foreground">Application</dt>
        <dd className="break-all">{view.client.viaMetadataDocument ? `Identified by ${view.client.id}` : view.client.id}</dd>
        <dt className="text-muted-foreground">Returns to</dt>
        <dd className="break-all">{view.client.redirectHost}</dd>
      </dl>

      {view.tools.length === 0 ? (
        <EmptyState title="No tool is activated for you yet" description="There is nothing to share. Ask your tenant admin to activate tools for you or your team, then connect again." headingLevel="h2" />
      ) : (
        <fieldset className="space-y-3" disabled={busy}>
          <legend className="text-sm font-medium">Tools this application may use</legend>
          <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)} label="All tools I may use" description="Including tools activated for you later. Untick to choose tools one by one." />
          {!all ? (
            <div className="max-h-72 space-y-3 overflow-y-auto rounded-md border border-border p-3">
              {groups.map((g) => (
                <div key={g.key} role="group" aria-label={g.category} className="space-y-2">
                  <p className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{g.category}</p>
                  <Checkbox name="groups" value={g.key} checked={chosenGroups.has(g.key)} onChange={(e) => toggle(setChosenGroups, g.key, e.target.checked)} label={`All ${g.category} tools`} description={`Including ${g.category} tools activated for you later.`} />
                  {g.tools.map((t) => (
                    <Checkbox key={t.slug} name="tools" value={t.slug} checked={covered.has(t.slug) || chosen.has(t.slug)} disabled={covered.has(t.slug)} onChange={(e) => toggle(setChosen, t.slug, e.target.checked)} label={t.title} description={t.description} />
                  ))}
                </div>
              ))}
            </div>
          ) : null}
        </fieldset>
      )}

      {error ? <Alert variant="destructive">{error}</Alert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="outline" onClick={() => decide('deny')} disabled={busy}>
          Deny
        </Button>
        <Button onClick={() => decide('allow')} disabled={busy || view.tools.length === 0 || (!all && tools.length === 0 && chosenGroups.size === 0)}>
          {busy ? 'Working…' : 'Allow'}
        </Button>
      </div>
    </section>
  );
}
