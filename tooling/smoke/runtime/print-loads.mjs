// Module hooks (registered by --import ./runtime/record-loads.mjs): print every file module
// Node loads to stderr as "load <url>", so a test can see what an import really reads.
export async function load(url, context, next) {
  if (url.startsWith('file:')) process.stderr.write(`load ${url}\n`);
  return next(url, context);
}
