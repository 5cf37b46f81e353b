// Builds the `spark` command line: src/main.ts and every module it imports statically,
// bundled by esbuild into dist/main.js, which bin/spark.js loads.
//
// One file instead of about 60: Node 20's ES module loader resolves, reads and links each file
// on its own, about 0.5-1 ms apiece on a cold start, which every `spark` command paid before
// doing anything (bench/README.md, "CLI cold start"). Packages stay imports (`packages:
// 'external'`): commander at once, the SDK, csv-parse, @clack/prompts and the emulator only
// when a command needs them, through the `import()` calls in the commands.
// The same esbuild options as the SDK's Node bundles (one statement per line, a source map).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { NODE_BUNDLE } from '../../../scripts/node-bundle-options.mjs';

rmSync('dist', { recursive: true, force: true });
await build({ ...NODE_BUNDLE, entryPoints: ['src/main.ts'], outfile: 'dist/main.js', packages: 'external' });
