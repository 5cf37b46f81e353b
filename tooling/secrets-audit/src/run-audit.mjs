// Runs every SDK package's test suite with src/setup.ts as an extra vitest setup
// file, then reads the per-file findings and fails if any secret reached a log line or an
// uncaught error. Usage: pnpm --filter @spark/secrets-audit audit
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const config = fileURLToPath(new URL('./vitest.audit.config.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'spark-audit-'));
// Every package whose tests create clients: core, the resources, the meta package.
const suites = ['core', 'services', 'batches', 'folders', 'transforms', 'history', 'impex', 'health', 'platform', 'files', 'wasm', 'hybrid', 'sdk']
  .map((name) => `packages/${name}`);
const results = [];
for (const suite of suites) {
  const run = spawnSync('npx', ['vitest', 'run', '--config', config, '--reporter', 'dot'], {
    cwd: join(root, suite), env: { ...process.env, SPARK_AUDIT_DIR: dir, SPARK_AUDIT_SUITE: join(root, suite) }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = `${run.stdout}\n${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  const summary = output.split('\n').filter((l) => /Test Files|Tests /.test(l)).join(' | ');
  results.push({ suite, exit: run.status, summary });
  // A failing suite prints its whole output, so the failure can be read from CI's log.
  if (run.status !== 0) console.error(`--- ${suite} (exit ${run.status}) ---\n${output}`);
}
let files = [];
try { files = readFileSync(join(dir, 'audit.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)); } catch { /* no file ran */ }
rmSync(dir, { recursive: true, force: true });
const leaks = files.flatMap((f) => f.leaks.map((l) => ({ file: f.file, ...l })));
const report = {
  suites: results,
  testFiles: files.length,
  clientsAudited: files.reduce((n, f) => n + f.clients, 0),
  distinctSecretsPerFile: files.reduce((n, f) => n + f.secrets, 0),
  capturedLines: files.reduce((n, f) => n + f.capturedLines, 0),
  leaks,
};
console.log(JSON.stringify(report, null, 2));
process.exitCode = leaks.length > 0 || files.length === 0 || results.some((r) => r.exit !== 0) ? 1 : 0;
