import 'server-only';
// Shared by the upstream services: names and checks that must agree between registration, discovery and calls.

/** The TenantSecret "tool slug" under which an upstream server's credential is kept. */
export const upstreamSecretScope = (namespace: string) => `upstream:${namespace}`;

/** The catalogue slug of an upstream tool: `<namespace>.<remote_name>` (the name agents see). */
export const upstreamToolSlug = (namespace: string, remoteName: string) => `${namespace}.${remoteName}`;
