'use client';
import { useState } from 'react';
import { Check, Copy } from 'lucide-react';
import { Button } from '@/components/ui/button';

/** Copies a value to the clipboard and says so (aria-live), without ever logging it. */
export function CopyButton({ value, label = 'Copy' }: { value: string; label?: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Button type="button" size="sm" variant="outline" onClick={copy}>{copied === 'yes' ? <Check aria-hidden /> : <Copy aria-hidden />}{label}</Button>
      <span aria-live="polite" className="text-xs text-muted-foreground">{copied === 'yes' ? 'Copied.' : copied === 'no' ? 'Copy failed: select the text and copy it.' : ''}</span>
    </span>
  );
}
