#!/usr/bin/env node
// The two commands of a fresh machine (Node 20.19+ and npm, nothing else):
//   npm run demo   →  node scripts/bootstrap.mjs demo
//   npm test       →  node scripts/bootstrap.mjs test
// (and `npm run pack:all` → node scripts/bootstrap.mjs pack: the tarballs of dist-packages/)
// Each one sets up what is missing, then hands over to pnpm. Every step is idempotent:
//   1. pnpm at the version of package.json's `packageManager`: the one on PATH when it matches,
//      else `npm i -g` (when no pnpm is on PATH and npm's global prefix is writable), else a
//      local copy in .tools/pnpm (gitignored), used for this run only.
//   2. `pnpm install --frozen-lockfile`, skipped when node_modules already holds this lockfile.
//   3. test only: Debian's Chromium for the browser end-to-end test, through
//      apps/browser/scripts/ensure-chromium.sh; a clear message when this machine cannot.
//   4. `pnpm run demo:run` (build what the demo needs, run the tour), `pnpm run test:all`
//      (everything .ci/run checks) or `pnpm run pack:run` (build and pack the packages).
// Contributors' `pnpm demo` / `pnpm test` run the same script (step 1 and 2 are then no-ops).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TASKS = { demo: 'demo:run', test: 'test:all', pack: 'pack:run' };
const task = process.argv[2];
if (!(task in TASKS)) {
  console.error(`usage: node scripts/bootstrap.mjs <${Object.keys(TASKS).join('|')}>`);
  process.exit(2);
}
const PNPM_VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).packageManager.replace(/^pnpm@/, '');
const LOCAL_PREFIX = join(ROOT, '.tools', 'pnpm');
const env = { ...process.env };
const say = (message) => console.log(`bootstrap: ${message}`);

function fail(message) {
  console.error(`\nbootstrap: ${message}\n`);
  process.exit(1);
}

/** Runs a command with inherited output; returns its exit code. */
function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: 'inherit', ...options });
  if (result.error) return -1;
  return result.status ?? 1;
}

/** The version printed by `<bin> --version`, or undefined when it does not run. */
function versionOf(bin) {
  const result = spawnSync(bin, ['--version'], { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function npmGlobalPrefix() {
  const result = spawnSync('npm', ['prefix', '-g'], { cwd: ROOT, env, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function writable(dir) {
  // The first existing folder on the way up is the one npm would have to write into.
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(d)) {
      try {
        accessSync(d, constants.W_OK);
        return true;
      } catch {
        return false;
      }
    }
    if (dirname(d) === d) return false;
  }
}

function usePrefix(prefix) {
  env.PATH = `${join(prefix, 'bin')}${delimiter}${env.PATH ?? ''}`;
}

function ensurePnpm() {
  const onPath = versionOf('pnpm');
  if (onPath === PNPM_VERSION) return;
  if (versionOf(join(LOCAL_PREFIX, 'bin', 'pnpm')) === PNPM_VERSION) {
    usePrefix(LOCAL_PREFIX);
    return say(`using pnpm ${PNPM_VERSION} from .tools/pnpm`);
  }
  const globalPrefix = npmGlobalPrefix();
  // Installed by an earlier run into npm's global prefix, whose bin folder may not be on PATH.
  if (onPath === undefined && globalPrefix && versionOf(join(globalPrefix, 'bin', 'pnpm')) === PNPM_VERSION) {
    usePrefix(globalPrefix);
    return;
  }
  // Never replace a contributor's own pnpm of another version: that one goes to .tools/pnpm.
  if (onPath === undefined && globalPrefix && writable(join(globalPrefix, 'lib', 'node_modules'))) {
    say(`installing pnpm ${PNPM_VERSION} globally (npm i -g pnpm@${PNPM_VERSION}, prefix ${globalPrefix})`);
    if (sh('npm', ['i', '-g', '--no-fund', '--no-audit', `pnpm@${PNPM_VERSION}`]) === 0) {
      usePrefix(globalPrefix);
      if (versionOf('pnpm') === PNPM_VERSION) return;
    }
    say('the global install did not give a working pnpm; installing a local copy instead');
  } else {
    const why = onPath ? `pnpm ${onPath} is on PATH` : `npm's global prefix (${globalPrefix ?? 'unknown'}) is not writable`;
    say(`${why}; installing pnpm ${PNPM_VERSION} into .tools/pnpm (used by this command only)`);
  }
  if (sh('npm', ['i', '-g', '--no-fund', '--no-audit', '--prefix', LOCAL_PREFIX, `pnpm@${PNPM_VERSION}`]) !== 0) {
    fail(`could not install pnpm ${PNPM_VERSION} with npm. Check that the npm registry is reachable (npm ping), then run this command again.`);
  }
  usePrefix(LOCAL_PREFIX);
  if (versionOf('pnpm') !== PNPM_VERSION) fail(`pnpm ${PNPM_VERSION} was installed into ${LOCAL_PREFIX} but does not run.`);
}

function installDependencies() {
  const installed = join(ROOT, 'node_modules', '.pnpm', 'lock.yaml');
  const lockfile = readFileSync(join(ROOT, 'pnpm-lock.yaml'), 'utf8');
  if (existsSync(installed) && readFileSync(installed, 'utf8') === lockfile) return;
  say('installing dependencies (pnpm install --frozen-lockfile)');
  if (sh('pnpm', ['install', '--frozen-lockfile']) !== 0) {
    fail('pnpm install --frozen-lockfile failed (see above). If you changed a package.json, run `pnpm install` to update pnpm-lock.yaml.');
  }
}

function ensureChromium() {
  const chromium = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium)) return;
  const root = process.getuid?.() === 0;
  const sudo = !root && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  const apt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  const howTo =
    'The browser end-to-end test (apps/browser) needs Chromium. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`), ' +
    'or point CHROMIUM_PATH at a Chromium binary, then run this command again.';
  if (!apt) fail(`${chromium} is missing and this machine has no apt-get. ${howTo}`);
  if (!root && !sudo) fail(`${chromium} is missing and installing it needs root (not root, and sudo is not available without a password). ${howTo}`);
  say(`${chromium} is missing; installing Debian's chromium (a few minutes)`);
  if (sh('bash', ['apps/browser/scripts/ensure-chromium.sh']) !== 0) fail(`installing Chromium failed (see above). ${howTo}`);
}

const started = Date.now();
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) fail(`Node ${process.versions.node} is too old: the SDK needs Node 20.19 or later (https://nodejs.org).`);
if (versionOf('npm') === undefined) fail('npm is not on PATH: install Node.js 20.19+ with npm (https://nodejs.org).');
ensurePnpm();
installDependencies();
if (task === 'test') ensureChromium();
say(`set-up done in ${((Date.now() - started) / 1000).toFixed(1)} s; running pnpm run ${TASKS[task]}`);
process.exitCode = sh('pnpm', ['run', TASKS[task]]);
