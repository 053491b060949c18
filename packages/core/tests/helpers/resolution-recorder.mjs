// Module customization hooks (node:module `register`) that report every resolved URL to the main thread,
// so a test can list what importing an entry point loaded. Resolving `recorder:flush` posts `flushed`:
// messages on one port arrive in order, so once `flushed` arrives every earlier resolution has too.
let port;

export function initialize(data) {
  port = data.port;
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'recorder:flush') {
    port.postMessage('flushed');
    return { url: 'data:text/javascript,', shortCircuit: true };
  }
  const resolved = await nextResolve(specifier, context);
  port.postMessage(resolved.url);
  return resolved;
}
