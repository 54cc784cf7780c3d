'use client';
// The request part of the declaration form: method, URL template, mappings, response fields, credential, limits.
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { HTTP_TOOL_LIMITS, HTTP_TOOL_METHODS } from '@/lib/schemas/http-tool';
import type { HttpToolFormState } from './config-text';

type Errors = (path: string) => string[] | undefined;

export function RequestFields({ f, set, errorFor }: { f: HttpToolFormState; set: (patch: Partial<HttpToolFormState>) => void; errorFor: Errors }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField label="Method" required error={errorFor('method')}>
        <Select name="method" value={f.method} onChange={(e) => set({ method: e.target.value })} options={HTTP_TOOL_METHODS.map((m) => ({ value: m, label: m }))} />
      </FormField>
      <FormField label="URL template" required hint="e.g. https://api.example.com/v1/orders/{orderId}. The host must be on your tenant's egress allowlist or a trusted internal host." error={errorFor('urlTemplate')}>
        <Input name="urlTemplate" value={f.urlTemplate} onChange={(e) => set({ urlTemplate: e.target.value })} spellCheck={false} />
      </FormField>
      <FormField label="Query parameters" hint='One per line: "parameter = argument"' error={errorFor('query')}>
        <Textarea name="query" rows={3} value={f.query} onChange={(e) => set({ query: e.target.value })} spellCheck={false} />
      </FormField>
      <FormField label="Headers from arguments" hint='One per line: "Header-Name: argument"' error={errorFor('headers')}>
        <Textarea name="headers" rows={3} value={f.headers} onChange={(e) => set({ headers: e.target.value })} spellCheck={false} />
      </FormField>
      <FormField label="Fixed headers" hint='One per line: "Header-Name: value"' error={errorFor('staticHeaders')}>
        <Textarea name="staticHeaders" rows={2} value={f.staticHeaders} onChange={(e) => set({ staticHeaders: e.target.value })} spellCheck={false} />
      </FormField>
      <div className="grid gap-2">
        <FormField label="JSON body" error={errorFor('body')}>
          <Select name="bodyMode" value={f.bodyMode} onChange={(e) => set({ bodyMode: e.target.value as HttpToolFormState['bodyMode'] })}
            options={[{ value: 'none', label: 'No body' }, { value: 'rest', label: 'Every argument not used in the path, query or headers' }, { value: 'args', label: 'Only these arguments' }]} />
        </FormField>
        {f.bodyMode === 'args' ? (
          <FormField label="Body arguments" hint="Comma separated" error={errorFor('body.args')}>
            <Input name="bodyArgs" value={f.bodyArgs} onChange={(e) => set({ bodyArgs: e.target.value })} />
          </FormField>
        ) : null}
      </div>
      <FormField label="Response fields kept" hint='One per line: "name = /json/pointer" or "name = dotted.path". Empty keeps the whole JSON body.' error={errorFor('response.fields')} className="sm:col-span-2">
        <Textarea name="responseFields" rows={3} value={f.responseFields} onChange={(e) => set({ responseFields: e.target.value })} spellCheck={false} />
      </FormField>
      <FormField label="Credential" hint="Read from your tenant's secret for this tool at call time; never shown to agents." error={errorFor('auth')}>
        <Select name="authType" value={f.authType} onChange={(e) => set({ authType: e.target.value as HttpToolFormState['authType'] })}
          options={[{ value: 'none', label: 'None' }, { value: 'bearer', label: 'Bearer token' }, { value: 'header', label: 'Custom header' }, { value: 'basic', label: 'Basic (user + password)' }]} />
      </FormField>
      {f.authType !== 'none' ? (
        <FormField label="Secret name" required hint="e.g. ORDERS_API_TOKEN" error={errorFor('auth.secret')}>
          <Input name="authSecret" value={f.authSecret} onChange={(e) => set({ authSecret: e.target.value })} spellCheck={false} />
        </FormField>
      ) : null}
      {f.authType === 'header' ? (
        <FormField label="Credential header" required error={errorFor('auth.header')}>
          <Input name="authHeader" value={f.authHeader} onChange={(e) => set({ authHeader: e.target.value })} placeholder="X-Api-Key" />
        </FormField>
      ) : null}
      {f.authType === 'basic' ? (
        <FormField label="User name" required error={errorFor('auth.username')}>
          <Input name="authUsername" value={f.authUsername} onChange={(e) => set({ authUsername: e.target.value })} />
        </FormField>
      ) : null}
      <FormField label="Timeout (ms)" hint={`${HTTP_TOOL_LIMITS.timeoutMs.min}–${HTTP_TOOL_LIMITS.timeoutMs.max}`} error={errorFor('timeoutMs')}>
        <Input name="timeoutMs" type="number" inputMode="numeric" value={f.timeoutMs} onChange={(e) => set({ timeoutMs: e.target.value })} />
      </FormField>
      <FormField label="Largest response (bytes)" hint={`${HTTP_TOOL_LIMITS.maxResponseBytes.min}–${HTTP_TOOL_LIMITS.maxResponseBytes.max}`} error={errorFor('maxResponseBytes')}>
        <Input name="maxResponseBytes" type="number" inputMode="numeric" value={f.maxResponseBytes} onChange={(e) => set({ maxResponseBytes: e.target.value })} />
      </FormField>
    </div>
  );
}
