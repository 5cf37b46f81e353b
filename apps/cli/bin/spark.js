#!/usr/bin/env node
// Node >= 22.1 keeps V8's compiled code of the CLI and the SDK between runs (Node's module compile
// cache, in Node's own default place: $NODE_COMPILE_CACHE, else <tmpdir>/node-compile-cache;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off). Node 20 has no such cache and writes nothing.
// The CLI is imported after, so that its own modules are cached too.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../dist/main.js');
main(process.argv).then((code) => { process.exitCode = code; });
