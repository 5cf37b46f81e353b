import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import madge from 'madge';
import { describe, expect, it } from 'vitest';

// DESIGN §8: no import cycles between files or between packages (core at the bottom,
// resources above it, @spark/sdk on top). Checked on the built ESM of every package.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const PACKAGES = readdirSync(join(ROOT, 'packages')).filter((name) => existsSync(join(ROOT, 'packages', name, 'package.json')));

describe('import cycles', () => {
  it.each(PACKAGES)('@spark/%s has no cycle between its files', async (name) => {
    const dist = join(ROOT, 'packages', name, 'dist');
    expect(existsSync(dist), `${dist} missing: build first`).toBe(true);
    const graph = await madge(dist, { fileExtensions: ['js'], excludeRegExp: [/\.d\.ts$/] });
    expect(Object.keys(graph.obj()).length).toBeGreaterThan(0);
    expect(graph.circular()).toEqual([]);
  });

  it('packages depend on each other without cycles (core at the bottom, sdk on top)', () => {
    const deps = new Map<string, string[]>();
    for (const name of PACKAGES) {
      const pkg = JSON.parse(readFileSync(join(ROOT, 'packages', name, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
      const all = { ...pkg['dependencies'], ...pkg['peerDependencies'], ...pkg['devDependencies'] };
      deps.set(`@spark/${name}`, Object.keys(all).filter((d) => d.startsWith('@spark/') && d !== '@spark/test-utils'));
    }
    const cycles: string[] = [];
    const visit = (node: string, path: string[]): void => {
      if (path.includes(node)) { cycles.push([...path.slice(path.indexOf(node)), node].join(' -> ')); return; }
      for (const next of deps.get(node) ?? []) visit(next, [...path, node]);
    };
    for (const name of deps.keys()) visit(name, []);
    expect(cycles).toEqual([]);
    expect(deps.get('@spark/core')?.filter((d) => d !== '@spark/emulator')).toEqual([]);
  });

  it('the check can fail: a two-file cycle is reported', async () => {
    const fixture = join(ROOT, 'tooling', 'smoke', 'test', 'fixtures', 'cycle');
    const graph = await madge(fixture, { fileExtensions: ['js'] });
    expect(graph.circular()).toEqual([['a.js', 'b.js']]);
  });
});
