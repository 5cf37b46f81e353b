// In Node, core's bundle carries the valibot functions and `@spark/core/wire`, and
// dist/valibot.node.js and dist/wire.node.js are facades over them (scripts/build-package.mjs).
// A facade must export what the default build exports, and reach core's error classes through
// `@spark/core`, never bundle a copy: a copy of SparkSdkError is another class, and
// `instanceof SparkSdkError` would fail for the errors it throws. Checked from dist, through the
// `node` condition, in a fresh process.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CORE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Runs an ES module script in a fresh Node process from core's folder; returns its JSON output. */
function runScript<T>(script: string): T {
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: CORE_DIR, encoding: 'utf8' })) as T;
}

describe('@spark/core/wire and @spark/core/valibot in Node', () => {
  it('declare no class of their own', () => {
    for (const file of ['wire.node.js', 'valibot.node.js']) {
      expect(readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8'), file).not.toMatch(/\bclass\b/);
    }
  });

  it('add exactly two internal keys to @spark/core in Node, both frozen and holding the facades\' values', () => {
    const out = runScript<{ extra: string[]; missing: string[]; frozen: boolean[]; same: boolean[] }>(`
      const node = await import('@spark/core');
      const names = Object.keys(await import('./dist/index.js'));
      const wire = await import('@spark/core/wire');
      const v = await import('@spark/core/valibot');
      console.log(JSON.stringify({
        extra: Object.keys(node).filter((k) => !names.includes(k)), missing: names.filter((k) => !(k in node)),
        frozen: [Object.isFrozen(node.__sparkValibot), Object.isFrozen(node.__sparkWire)],
        same: [wire.checkCallOptions === node.__sparkWire.checkCallOptions, v.object === node.__sparkValibot.object],
      }));`);
    expect(out).toEqual({ extra: ['__sparkValibot', '__sparkWire'], missing: [], frozen: [true, true], same: [true, true] });
  });

  it('export the names of the default (tsc) build', () => {
    const out = runScript<Record<string, string[]>>(`
      const names = async (s) => Object.keys(await import(s)).sort();
      console.log(JSON.stringify({
        wire: await names('@spark/core/wire'), wireDefault: await names('./dist/wire.js'),
        valibot: await names('@spark/core/valibot'), valibotDefault: await names('./dist/valibot-functions.js'),
      }));`);
    expect(out['wire']).toEqual(out['wireDefault']);
    expect(out['wire']).toContain('checkCallOptions');
    expect(out['valibot']).toEqual(out['valibotDefault']);
    expect(out['valibot']).toEqual(expect.arrayContaining(['function', 'null', 'undefined', 'safeParse']));
  });

  it('validate with core: a valibot schema from the facade, parsed by parseParams, fails with core\'s SparkSdkError', () => {
    const out = runScript<[boolean, string]>(`
      const { parseParams, SparkSdkError } = await import('@spark/core');
      const v = await import('@spark/core/valibot');
      try { parseParams(v.object({ name: v.string() }), { name: 1 }, 'op'); console.log('[false, "no error"]'); }
      catch (e) { console.log(JSON.stringify([e instanceof SparkSdkError, e.message])); }`);
    expect(out).toEqual([true, 'op: "name" must be string (got 1)']);
  });

  it('throws the SparkSdkError of @spark/core for a bad timeout, an unknown key and a bad date', () => {
    const script = `
      const { SparkSdkError, isSparkError } = await import('@spark/core');
      const { checkCallOptions, toIsoDate } = await import('@spark/core/wire');
      const out = [];
      for (const f of [() => checkCallOptions({ timeout: 0 }, 'op'), () => checkCallOptions({ timout: 5 }, 'op', ['auth']), () => toIsoDate('soon', 'd', 'op')]) {
        try { f(); out.push('no error'); } catch (e) { out.push(e instanceof SparkSdkError && isSparkError(e) ? 'SparkSdkError' : String(e)); }
      }
      console.log(JSON.stringify(out));`;
    expect(runScript<string[]>(script)).toEqual(['SparkSdkError', 'SparkSdkError', 'SparkSdkError']);
  });

  it('builds the SparkApiError subclasses of @spark/core for a failure answered with a success status', () => {
    const script = `
      const { SparkApiError, SparkNotFoundError } = await import('@spark/core');
      const { responseError } = await import('@spark/core/wire');
      const e = responseError('op', 'GET', { status: 200, url: 'http://x/t', requestId: 'r', data: {}, headers: new Headers() }, 'no job', 404);
      console.log(JSON.stringify([e instanceof SparkNotFoundError, e instanceof SparkApiError]));`;
    expect(runScript<boolean[]>(script)).toEqual([true, true]);
  });
});
