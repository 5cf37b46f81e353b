#!/usr/bin/env node
// Package lint for every package under packages/: packs it the way it is published
// (`pnpm pack`: workspace:* rewritten, only `files` included) into a temp folder, then runs
//   publint --strict <tarball>              (exports map, files, types, module format)
//   attw <tarball> --profile esm-only       (types resolve under node16-ESM and bundler)
// `attw <tarball>` analyses the same tarball `attw --pack .` would, without writing it into
// the package folder. Prints one line per package and exits 1 when any check fails.
// Usage: node scripts/lint-packages.mjs [package-dir-name …]   (default: all)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const smokeDir = resolve(here, '..');
const root = resolve(smokeDir, '..', '..');
// Both are devDependencies of @spark/smoke (their exports maps hide package.json, so by path).
const publint = join(smokeDir, 'node_modules', 'publint', 'src', 'cli.js');
const attw = join(smokeDir, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');
const CONCURRENCY = Number(process.env.LINT_PKG_CONCURRENCY ?? 2);

function run(command, args, cwd) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('error', (error) => done({ code: -1, out: String(error) }));
    child.on('close', (code) => done({ code, out }));
  });
}

async function lint(dir, tmp) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const result = { name: pkg.name, checks: [] };
  if (!existsSync(join(dir, 'dist'))) {
    result.checks.push({ tool: 'build', ok: false, out: `${dir}/dist is missing: build the package first (turbo run lint:pkg builds it)` });
    return result;
  }
  const dest = mkdtempSync(join(tmp, 'pack-'));
  const packed = await run('pnpm', ['pack', '--pack-destination', dest], dir);
  const tarball = readdirSync(dest).find((f) => f.endsWith('.tgz'));
  if (packed.code !== 0 || !tarball) {
    result.checks.push({ tool: 'pnpm pack', ok: false, out: packed.out });
    return result;
  }
  const file = join(dest, tarball);
  const [pub, types] = await Promise.all([
    run(process.execPath, [publint, 'run', file, '--strict'], dest),
    run(process.execPath, [attw, file, '--profile', 'esm-only', '--format', 'table-flipped'], dest),
  ]);
  // --strict turns warnings into errors (non-zero exit); suggestions are printed, not fatal.
  result.checks.push({ tool: 'publint', ok: pub.code === 0, out: pub.out });
  result.checks.push({ tool: 'attw', ok: types.code === 0, out: types.out });
  return result;
}

async function main() {
  const only = process.argv.slice(2);
  const dirs = readdirSync(join(root, 'packages'))
    .filter((d) => existsSync(join(root, 'packages', d, 'package.json')))
    .filter((d) => only.length === 0 || only.includes(d))
    .sort()
    .map((d) => join(root, 'packages', d));
  const tmp = mkdtempSync(join(tmpdir(), 'spark-lint-pkg-'));
  const results = [];
  try {
    const queue = [...dirs];
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
        for (let dir = queue.shift(); dir; dir = queue.shift()) {
          const r = await lint(dir, tmp);
          results.push(r);
          const bad = r.checks.filter((c) => !c.ok);
          console.log(`${bad.length ? 'FAIL' : 'ok  '} ${r.name}: ${r.checks.map((c) => `${c.tool} ${c.ok ? 'ok' : 'FAILED'}`).join(', ')}`);
          const notes = r.checks.find((c) => c.tool === 'publint' && c.ok && !/All good/.test(c.out));
          if (notes) console.log(`  publint suggestions (${r.name}):\n${notes.out.trim().split('\n').map((l) => `  ${l}`).join('\n')}`);
          for (const c of bad) console.log(`  --- ${c.tool} (${r.name}) ---\n${c.out.trim().split('\n').map((l) => `  ${l}`).join('\n')}`);
        }
      }),
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const failed = results.filter((r) => r.checks.some((c) => !c.ok)).length;
  console.log(`lint:pkg: ${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

await main();
