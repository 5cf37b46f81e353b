#!/usr/bin/env node
// `pnpm pack:all`: packs every publishable workspace package (packages/* and apps/*, not
// private) the way it would be published — `workspace:*` rewritten to versions, only `files`
// included — into one folder, dist-packages/ (gitignored) by default. Until the packages are
// on a registry, install them from there: `npm i ./dist-packages/*.tgz`.
// Build first (the pack:all script does: turbo run build for these packages).
// Usage: node scripts/pack-all.mjs [destination]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dest = resolve(process.argv[2] ?? join(ROOT, 'dist-packages'));

/** Publishable packages: `{ name, dir }` of every non-private package under packages/ and apps/. */
export function publishable() {
  return ['packages', 'apps']
    .flatMap((base) => readdirSync(join(ROOT, base)).map((d) => join(ROOT, base, d)))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, json: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ json }) => json.private !== true)
    .map(({ dir, json }) => ({ name: json.name, dir }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(dest, { recursive: true });
  for (const file of readdirSync(dest)) if (file.endsWith('.tgz')) rmSync(join(dest, file));
  for (const { name, dir } of publishable()) {
    if (!existsSync(join(dir, 'dist'))) {
      console.error(`pack:all: ${name} is not built (${dir}/dist missing): run \`pnpm pack:all\`, which builds first`);
      process.exit(1);
    }
    const packed = spawnSync('pnpm', ['pack', '--pack-destination', dest], { cwd: dir, encoding: 'utf8' });
    if (packed.status !== 0) {
      console.error(`pack:all: pnpm pack failed for ${name}\n${packed.stdout}${packed.stderr}`);
      process.exit(1);
    }
  }
  const tarballs = readdirSync(dest).filter((f) => f.endsWith('.tgz'));
  console.log(`pack:all: ${tarballs.length} tarballs in ${dest}\n${tarballs.map((t) => `  ${t}`).join('\n')}`);
  console.log(`install them into a project with: npm i ${dest}/*.tgz`);
}
