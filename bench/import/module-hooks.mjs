// Module customization hooks (run on the hooks thread): report every module URL that is loaded.
let port;
export function initialize(data) { port = data.port; }
export async function load(url, context, nextLoad) {
  port.postMessage(url);
  return nextLoad(url, context);
}
