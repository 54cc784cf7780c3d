// Loaded with --import before scripts/serve.ts: outside Next's bundler, the `server-only` guard package (which
// throws unless imported under the react-server condition) resolves to an empty module. Next's own code and the
// portal are unaffected: they run from the build, bundled as usual.
import { register } from 'node:module';

const hooks = `export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,export {};', format: 'module', shortCircuit: true };
  return nextResolve(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
