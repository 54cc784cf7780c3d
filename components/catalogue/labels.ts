// Display helpers shared by the catalogue components (isomorphic).
export const RISK_LABELS = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as const;
export const CLASS_LABELS = { public: 'Public', internal: 'Internal', confidential: 'Confidential', pii: 'PII' } as const;
export const AUDIT_LEVEL_LABELS = { metadata: 'Metadata only', full_redacted: 'Full, PII redacted', full: 'Full' } as const;
export const LIFECYCLE_VARIANT = { draft: 'muted', in_review: 'info', published: 'success', deprecated: 'warning', retired: 'muted' } as const;

export function bytes(n: number): string {
  if (n >= 1_048_576) return `${(n / 1_048_576).toFixed(n % 1_048_576 ? 1 : 0)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(n % 1024 ? 1 : 0)} KiB`;
  return `${n} B`;
}
