// Module hooks (registered by --import ./runtime/record-loads.mjs): print every file module
// Node loads to stderr as "load <url>", so a test can see what an import really reads.
// writeSync to fd 2, not process.stderr: the hooks run on their own thread, whose
// process.stderr is forwarded through the main thread and loses what is still queued when a
// short run (`spark --version`) exits.
import { writeSync } from 'node:fs';

export async function load(url, context, next) {
  if (url.startsWith('file:')) writeSync(2, `load ${url}\n`);
  return next(url, context);
}
