import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../src/packages.js';
import { run } from '../src/run.js';

const REPO = 'https://github.com/Coherent-Partners/spark-ts-sdk';
const MANIFESTS = ['', 'bench', ...['packages', 'apps', 'tooling'].flatMap((base) => readdirSync(join(ROOT, base)).map((d) => `${base}/${d}`))]
  .filter((dir) => existsSync(join(ROOT, dir, 'package.json')));
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('package metadata', () => {
  it('has an Apache-2.0 LICENSE at the root', () => {
    const text = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    expect(text).toMatch(/^\s+Apache License\s+Version 2\.0, January 2004/);
    expect(text).toContain('END OF TERMS AND CONDITIONS');
  });

  it.each(MANIFESTS)('package.json in "%s" names its license, repository folder, homepage and bugs', (dir) => {
    const json = read(join(ROOT, dir, 'package.json'));
    expect(json['license']).toBe('Apache-2.0');
    expect(json['repository']).toEqual({ type: 'git', url: `git+${REPO}.git`, ...(dir ? { directory: dir } : {}) });
    expect(json['homepage']).toBe(dir ? `${REPO}/tree/main/${dir}#readme` : `${REPO}#readme`);
    expect(json['bugs']).toEqual({ url: `${REPO}/issues` });
  });
});

// `changeset version` on the pending changesets, in a temp copy of the manifests (nothing in
// the workspace is versioned): every package a changeset names gets a CHANGELOG.md with it.
describe('changeset version', () => {
  const copy = mkdtempSync(join(tmpdir(), 'spark-changesets-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('writes CHANGELOG.md files from the pending changesets and consumes them', async () => {
    for (const dir of MANIFESTS) {
      mkdirSync(join(copy, dir), { recursive: true });
      cpSync(join(ROOT, dir, 'package.json'), join(copy, dir, 'package.json'));
    }
    cpSync(join(ROOT, 'pnpm-workspace.yaml'), join(copy, 'pnpm-workspace.yaml'));
    cpSync(join(ROOT, '.changeset'), join(copy, '.changeset'), { recursive: true });
    const pending = readdirSync(join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(pending.length).toBeGreaterThan(0);
    // Package → the summaries its changesets carry.
    const named = new Map<string, string[]>();
    for (const file of pending) {
      const [, front = '', summary = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(join(copy, '.changeset', file), 'utf8')) ?? [];
      for (const [, name] of front.matchAll(/^"([^"]+)":/gm)) named.set(name!, [...(named.get(name!) ?? []), summary.trim().split('\n')[0]!]);
    }

    const cli = join(dirname(require.resolve('@changesets/cli/package.json', { paths: [ROOT] })), 'bin.js');
    const result = await run(process.execPath, [cli, 'version'], { cwd: copy, timeoutMs: 60_000 });
    expect(result.code, result.stdout + result.stderr).toBe(0);

    expect(readdirSync(join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md')).toEqual([]);
    for (const dir of MANIFESTS) {
      const json = read(join(copy, dir, 'package.json'));
      const summaries = named.get(String(json['name']));
      if (!summaries) continue;
      const changelog = readFileSync(join(copy, dir, 'CHANGELOG.md'), 'utf8');
      expect(changelog, relative(copy, dir)).toMatch(new RegExp(`^# ${String(json['name'])}\\n\\n## ${String(json['version']).replace(/\./g, '\\.')}\\n`));
      expect(json['version']).not.toBe(read(join(ROOT, dir, 'package.json'))['version']);
      // The changelog escapes markdown (`CSPARK\_*`): compare without the backslashes.
      for (const line of summaries) expect(changelog.replace(/\\/g, '')).toContain(line.replace(/\\/g, '').slice(0, 60));
    }
  });
});
