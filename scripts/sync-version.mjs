// Writes @spark/core's version (the one sent in `User-Agent` and `x-spark-ua`) into
// packages/core/src/version.ts from packages/core/package.json, the one source of the version.
// `pnpm version-packages` runs it after `changeset version`; build-package.mjs refuses to build
// core when the two differ, and core's version.test.ts fails on a mismatch.
//   node scripts/sync-version.mjs           write version.ts
//   node scripts/sync-version.mjs --check   exit 1 when it differs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const core = fileURLToPath(new URL('../packages/core/', import.meta.url));
const { version } = JSON.parse(readFileSync(`${core}package.json`, 'utf8'));
const file = `${core}src/version.ts`;
const wanted = `/**\n * The SDK version sent in \`User-Agent\` and \`x-spark-ua\`. Written from package.json by\n * scripts/sync-version.mjs (run by \`pnpm version-packages\`); do not edit by hand.\n */\nexport const VERSION = '${version}';\n`;
const current = readFileSync(file, 'utf8');
if (current === wanted) process.exit(0);
if (process.argv.includes('--check')) {
  console.error(`packages/core/src/version.ts does not carry package.json's version ${version}: run node scripts/sync-version.mjs`);
  process.exit(1);
}
writeFileSync(file, wanted);
console.log(`packages/core/src/version.ts -> ${version}`);
