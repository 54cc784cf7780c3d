'use client';
// The exact request a sample input would send (credential masked), and where the URL's host stands.
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import type { HttpToolPreviewResult } from '@/lib/schemas/http-tool';

const HOST_STATUS = {
  allowlisted: { variant: 'success', text: 'on your tenant\'s egress allowlist' },
  trusted_internal: { variant: 'info', text: 'a trusted internal host' },
  not_allowed: { variant: 'warning', text: 'neither allowlisted nor trusted for your tenant: calls will be refused until a tenant admin allowlists it' },
} as const;

export function RequestPreview({ preview, sampleError }: { preview: HttpToolPreviewResult | null; sampleError: string | null }) {
  if (!preview) return <p className="text-sm text-muted-foreground">Fill in the URL and a sample input to see the request.</p>;
  const status = preview.hostStatus ? HOST_STATUS[preview.hostStatus] : null;
  const errors = [...(sampleError ? [`Sample input: ${sampleError}`] : []), ...preview.sampleErrors.map((e) => `Sample input: ${e}`), ...(preview.requestError ? [preview.requestError] : [])];
  return (
    <div className="space-y-3" data-testid="request-preview">
      {status && preview.host ? <p className="text-sm"><Badge variant={status.variant}>{preview.host}</Badge> is {status.text}.</p> : null}
      {errors.length ? <Alert variant="warning" title="The sample cannot be sent">{errors.map((e) => <p key={e}>{e}</p>)}</Alert> : null}
      {preview.request ? (
        <pre tabIndex={0} className="overflow-x-auto rounded-md bg-muted p-3 text-xs" aria-label="Request preview">
          {`${preview.request.method} ${preview.request.url}\n${Object.entries(preview.request.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}${preview.request.body !== null ? `\n\n${preview.request.body}` : ''}`}
        </pre>
      ) : null}
    </div>
  );
}
