// An HTTP tool's declaration, read-only (tool page and security review): what request the arguments become.
import type { THttpToolConfig } from '@/lib/schemas/http-tool';

const AUTH: Record<THttpToolConfig['auth']['type'], string> = { none: 'None', bearer: 'Bearer token', header: 'Custom header', basic: 'Basic' };

export function HttpDeclarationView({ config: c }: { config: THttpToolConfig }) {
  const rows: [string, string][] = [
    ['Request', `${c.method} ${c.urlTemplate}`],
    ['Query', c.query.map((q) => `${q.param} ← ${q.arg}`).join(', ') || '—'],
    ['Headers from arguments', c.headers.map((h) => `${h.header} ← ${h.arg}`).join(', ') || '—'],
    ['Fixed headers', c.staticHeaders.map((h) => `${h.header}: ${h.value}`).join(', ') || '—'],
    ['JSON body', c.body.mode === 'none' ? 'None' : c.body.mode === 'rest' ? 'Every argument not used in the path, query or headers' : `Arguments ${c.body.args.join(', ')}`],
    ['Result fields', c.response.fields.map((f) => `${f.name} ← ${f.path}`).join(', ') || 'The whole JSON body'],
    ['Credential', c.auth.type === 'none' ? 'None' : `${AUTH[c.auth.type]} from tenant secret ${c.auth.secret}${c.auth.type === 'header' ? ` in ${c.auth.header}` : ''}${c.auth.type === 'basic' ? ` (user ${c.auth.username})` : ''}`],
    ['Limits', `${c.timeoutMs} ms, ${c.maxResponseBytes.toLocaleString('en')} bytes`],
  ];
  return (
    <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]" data-testid="http-declaration">
      {rows.map(([k, v]) => (
        <div key={k} className="contents"><dt className="font-medium">{k}</dt><dd className="break-all"><code className="text-xs">{v}</code></dd></div>
      ))}
    </dl>
  );
}
