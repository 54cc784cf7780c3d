// Knowledge-base articles and support tickets for each demo tenant.
import type { PrismaClient, Tenant } from '@/lib/generated/prisma/client';

const ARTICLES: { title: string; body: string; tags: string[] }[] = [
  { title: 'How to reset a customer password', body: 'Open the admin console, search the customer by email, choose "Send reset link". Links expire after 30 minutes. Never read a password over the phone.', tags: ['support', 'accounts'] },
  { title: 'Refund policy', body: 'Refunds are allowed within 30 days of purchase. Refunds above 500 EUR need a second approval from Finance. Partial refunds keep the invoice open.', tags: ['finance', 'refunds'] },
  { title: 'Escalating a priority-1 incident', body: 'Page the on-call engineer, open an urgent ticket, post in the incident channel and update the status page every 30 minutes.', tags: ['support', 'incidents'] },
  { title: 'Expense reports: what can be claimed', body: 'Travel, lodging and client meals can be claimed with a receipt. Submit within 60 days. Alcohol is not reimbursed.', tags: ['hr', 'expenses'] },
  { title: 'Onboarding checklist for new employees', body: 'Laptop, badge, accounts, security training and a buddy in the first week. HR sends the welcome pack two days before day one.', tags: ['hr', 'onboarding'] },
  { title: 'Invoice disputes', body: 'Check the order status, compare the invoice amount with the order total, and open a ticket for Finance if they differ.', tags: ['finance', 'invoices'] },
  { title: 'GDPR data access requests', body: 'A customer may ask for a copy of their personal data. Answer within one month; log the request; never email the export unencrypted.', tags: ['compliance', 'pii'] },
  { title: 'Shipping delays and carrier tracking', body: 'Use the carrier tracking number in the order. Delays above 5 days qualify for a goodwill voucher of 10 EUR.', tags: ['support', 'shipping'] },
  { title: 'Changing a bank account (IBAN) for payouts', body: 'Supplier IBAN changes require a call-back to a known number and two approvals, to prevent payment fraud.', tags: ['finance', 'fraud'] },
  { title: 'Parental leave', body: 'Employees are entitled to parental leave as per local law; notify HR at least two months before the expected start date.', tags: ['hr', 'leave'] },
];

const TICKETS: { title: string; body: string; status: 'open' | 'pending' | 'resolved' | 'closed'; priority: 'low' | 'normal' | 'high' | 'urgent' }[] = [
  { title: 'Cannot log in after password reset', body: 'Customer reports the reset link says expired.', status: 'open', priority: 'high' },
  { title: 'Refund request for order ORD-2026-00042', body: 'Duplicate charge on the card.', status: 'pending', priority: 'normal' },
  { title: 'Invoice amount differs from order total', body: 'Invoice shows 120.00, order shows 102.00.', status: 'open', priority: 'normal' },
  { title: 'Parcel stuck in transit for 8 days', body: 'Carrier tracking has not moved since Monday.', status: 'resolved', priority: 'low' },
  { title: 'Expense report rejected without reason', body: 'Employee asks why the hotel receipt was refused.', status: 'open', priority: 'low' },
  { title: 'Payment page returns error 502', body: 'Several customers saw a gateway error at checkout.', status: 'closed', priority: 'urgent' },
  { title: 'Update supplier bank details', body: 'Supplier asks to change the IBAN for payouts.', status: 'pending', priority: 'high' },
  { title: 'GDPR export request', body: 'Customer requests a copy of personal data.', status: 'open', priority: 'normal' },
];

export async function seedKnowledgeAndTickets(db: PrismaClient, tenants: Tenant[]): Promise<void> {
  for (const t of tenants) {
    if ((await db.kbArticle.count({ where: { tenantId: t.id } })) === 0) {
      await db.kbArticle.createMany({
        data: ARTICLES.map((a) => ({ ...a, tenantId: t.id, title: t.slug === 'globex' ? `${a.title} (Globex)` : a.title })),
      });
    }
    if ((await db.ticket.count({ where: { tenantId: t.id } })) === 0) {
      await db.ticket.createMany({
        data: TICKETS.map((x, i) => ({
          ...x, tenantId: t.id, number: 1001 + i, requester: `customer${i + 1}@${t.slug}-customers.example`,
          createdAt: new Date(Date.now() - (TICKETS.length - i) * 36e5 * 9),
        })),
      });
    }
  }
}
