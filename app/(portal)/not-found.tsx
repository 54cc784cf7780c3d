import Link from 'next/link';
import { SearchX } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';

// Inside the portal (navigation kept): an unknown or another tenant's id. Answered with status 404, since the
// detail pages have no loading boundary above them (the list pages keep theirs, in their (list) route groups).
export default function PortalNotFound() {
  return (
    <>
      <PageHeader title="Not found" />
      <EmptyState
        icon={<SearchX aria-hidden />}
        title="Nothing at this address"
        description="It does not exist, or it belongs to another tenant. Check the link, or go back to your start page."
        action={<Button asChild><Link href="/">Back to my start page</Link></Button>}
      />
    </>
  );
}
