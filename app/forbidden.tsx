import Link from 'next/link';
import { ShieldX } from 'lucide-react';
import { Button } from '@/components/ui/button';

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-4 p-8 text-center">
      <ShieldX aria-hidden className="size-12 text-destructive" />
      <h1 className="text-2xl font-semibold">403 — Access denied</h1>
      <p className="text-muted-foreground">Your role does not give you access to this page. If you need it, ask your tenant administrator.</p>
      <Button asChild><Link href="/catalogue">Back to the catalogue</Link></Button>
    </main>
  );
}
