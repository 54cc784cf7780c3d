import { describe, expect, it } from 'vitest';
import { fieldErrorsFromIssues } from '@/lib/errors';
import { ZCreateToolRequestInput, ZReviewDecisionInput, ZSaveToolRequestDraftInput, ZToolRequestFields } from './tool-request';

const good = {
  title: 'CRM lookup', useCase: 'Support agents read the customer record while answering tickets.', workflow: 'support', ownerTeam: 'Support',
  dataConsulted: 'customer records', dataClassification: 'pii', externalHosts: 'crm.example.com\n api.crm.example.com ', writeActions: 'on',
  expectedVolume: '250', requestedScopes: 'crm:read, crm:write',
};

function errors(schema: typeof ZToolRequestFields | typeof ZReviewDecisionInput, input: unknown) {
  const r = schema.safeParse(input);
  return r.success ? {} : fieldErrorsFromIssues(r.error.issues);
}

describe('tool-request schemas', () => {
  it('parses form values: lists from textareas, checkboxes, numbers', () => {
    const v = ZToolRequestFields.parse(good);
    expect(v.externalHosts).toEqual(['crm.example.com', 'api.crm.example.com']);
    expect(v.requestedScopes).toEqual(['crm:read', 'crm:write']);
    expect(v.writeActions).toBe(true);
    expect(v.criticalActions).toBe(false);
    expect(v.expectedVolume).toBe(250);
    expect(v.dataWritten).toBe('');
  });

  it.each([
    [{ title: 'ab' }, 'title', 'Give the tool a title of at least 3 characters.'],
    [{ useCase: 'too short' }, 'useCase', 'Describe the use case in at least 20 characters: who uses it, for what.'],
    [{ workflow: 'legal' }, 'workflow', 'Choose a workflow: Support, Finance, HR or Other.'],
    [{ dataClassification: 'secret' }, 'dataClassification', 'Choose a data classification: Public, Internal, Confidential or PII.'],
    [{ externalHosts: 'https://crm.example.com/api' }, 'externalHosts.0', 'Each external host must be a hostname such as api.example.com or *.example.com (no scheme, path or port).'],
    [{ expectedVolume: '-1' }, 'expectedVolume', 'Expected volume cannot be negative.'],
    [{ expectedVolume: '1.5' }, 'expectedVolume', 'Expected volume must be a whole number.'],
    [{ expectedVolume: 'lots' }, 'expectedVolume', 'Expected volume must be a number of calls per day.'],
    [{ requestedScopes: 'admin' }, 'requestedScopes.0', 'Each scope looks like resource:action, e.g. crm:read.'],
  ])('refuses %o with a precise message', (patch, field, message) => {
    expect(errors(ZToolRequestFields, { ...good, ...patch })[field]).toEqual([message]);
  });

  it('keeps drafts with only a title, but still checks what is filled', () => {
    expect(ZSaveToolRequestDraftInput.safeParse({ title: 'Just an idea' }).success).toBe(true);
    expect(ZSaveToolRequestDraftInput.safeParse({ title: 'x', externalHosts: 'not a host!' }).success).toBe(false);
  });

  it('requires a reason to reject or request changes, and a full checklist to approve', () => {
    expect(errors(ZReviewDecisionInput, { id: 'r', outcome: 'reject', reason: 'no' }).reason).toEqual(['Give the reason for the rejection (at least 10 characters).']);
    expect(errors(ZReviewDecisionInput, { id: 'r', outcome: 'changes_requested' }).reason).toEqual(['Say what must change (at least 10 characters).']);
    expect(errors(ZReviewDecisionInput, { id: 'r', outcome: 'approve', checklist: { leastPrivilegeScopes: 'on' } }).checklist?.[0]).toMatch(/^Check every item before approving; unchecked: PII handling/);
    const all = { leastPrivilegeScopes: 'on', piiHandling: 'on', egressAllowlist: 'on', auditLevel: 'on', humanApproval: 'on', limits: 'on' };
    expect(ZReviewDecisionInput.safeParse({ id: 'r', outcome: 'approve', checklist: all }).success).toBe(true);
  });
});

describe('messages written for a person', () => {
  it('an empty draft or request names each missing field in words, never "expected nonoptional"', () => {
    const draft = ZSaveToolRequestDraftInput.safeParse({});
    expect(draft.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['title', 'Give the tool a title of at least 3 characters.']]);
    const full = ZCreateToolRequestInput.safeParse({});
    const messages = Object.fromEntries(full.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages).toMatchObject({
      title: 'Give the tool a title of at least 3 characters.',
      useCase: 'Describe the use case in at least 20 characters: who uses it, for what.',
      ownerTeam: 'Name the business owner team.',
      dataConsulted: 'Say which data the tool reads (e.g. "customer records").',
      workflow: 'Choose a workflow: Support, Finance, HR or Other.',
    });
    expect(JSON.stringify(messages)).not.toMatch(/Invalid input|expected/);
  });
});
