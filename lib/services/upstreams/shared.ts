import 'server-only';
// Shared by the upstream services: names and checks that must agree between registration, discovery and calls.

/** The TenantSecret "tool slug" under which an upstream server's credential is kept. */
export const upstreamSecretScope = (namespace: string) => `upstream:${namespace}`;

/** The namespace of an upstream server's credential scope (`upstream:<namespace>`), or null for a tool's own secret. */
export const namespaceOfSecretScope = (scope: string): string | null => (scope.startsWith('upstream:') ? scope.slice('upstream:'.length) || null : null);

/** The catalogue slug of an upstream tool: `<namespace>.<remote_name>` (the name agents see). */
export const upstreamToolSlug = (namespace: string, remoteName: string) => `${namespace}.${remoteName}`;
