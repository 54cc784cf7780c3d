import 'server-only';
// The declaration form's live check (debounced from the browser): the configuration's errors by field, the input
// schema's errors, the sample input's errors against it, where the host stands for the owner's tenant, and the
// exact request the sample would send, with the credential masked. Reads nothing secret and changes nothing.
import { assertCan, type Actor } from '@/lib/policy';
import { hostAllowed } from '@/lib/schemas/tenant-policy';
import { trustedInternal } from '@/lib/schemas/trusted-hosts';
import { httpToolConfigProblems, httpToolConfigSchema, schemaMappingProblems, urlTemplateHost, type HttpToolPreviewResult } from '@/lib/schemas/http-tool';
import { authHeader, buildHttpRequest, HttpToolInputError, MASK } from './build-request';
import { jsonSchemaProblems, jsonSchemaValueErrors } from './check-json-schema';
import { loadHttpToolEgress } from './load-egress';

export async function previewHttpTool({ actor, inputSchema, config, sample }: { actor: Actor; inputSchema: unknown; config: unknown; sample: unknown }): Promise<HttpToolPreviewResult> {
  assertCan(actor, 'tool.declare');
  const out: HttpToolPreviewResult = { configErrors: [], schemaErrors: [], sampleErrors: [], request: null, requestError: null, hostStatus: null, host: null };
  out.schemaErrors = jsonSchemaProblems(inputSchema);
  const parsed = httpToolConfigSchema.safeParse(config);
  if (!parsed.success) {
    out.configErrors = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  } else {
    out.configErrors = httpToolConfigProblems(parsed.data).map((p) => ({ path: p.path.join('.'), message: p.message }));
    if (!out.schemaErrors.length) out.schemaErrors = schemaMappingProblems(parsed.data, inputSchema as Record<string, unknown>);
  }
  const url = config && typeof config === 'object' ? (config as { urlTemplate?: unknown }).urlTemplate : undefined;
  const host = typeof url === 'string' ? urlTemplateHost(url) : null;
  if (host) {
    const egress = await loadHttpToolEgress(actor.tenantId);
    out.host = host;
    out.hostStatus = hostAllowed(egress.allowlist, host) ? 'allowlisted' : trustedInternal(egress.trustedInternal.filter((e) => !e.includes('/')), host, host) ? 'trusted_internal' : 'not_allowed';
  }
  if (!out.schemaErrors.length && sample !== undefined) out.sampleErrors = jsonSchemaValueErrors(inputSchema as Record<string, unknown>, sample);
  if (parsed.success && !out.configErrors.length && sample && typeof sample === 'object' && !Array.isArray(sample)) {
    try {
      const auth = authHeader(parsed.data.auth, MASK);
      out.request = buildHttpRequest(parsed.data, sample as Record<string, unknown>, auth);
    } catch (e) {
      out.requestError = e instanceof HttpToolInputError ? e.message : 'The sample does not form a valid URL.';
    }
  }
  return out;
}
