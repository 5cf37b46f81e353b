import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { measureScenario, type Measurement } from '../src/measure.js';
import { formatReport } from '../src/report.js';
import { BROWSER_PAGE, EXECUTE_ONLY, FULL_CLIENT, KB, type SizeScenario } from '../src/scenarios.js';

const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function measure(scenario: SizeScenario): Promise<Measurement> {
  const m = await measureScenario(scenario, PACKAGE_DIR);
  console.log(formatReport(m));
  const goal = scenario.goalGzip;
  if (goal !== undefined) console.log(`${scenario.id}: goal ${goal / KB} KB min+gz — ${m.gzip <= goal ? 'met' : `not met (${(m.gzip / KB).toFixed(2)} KB)`}`);
  return m;
}

describe('bundle size budgets (esbuild, browser, min+gz)', () => {
  it(`A: execute-only (createClient + apiKey + executeService) ≤ ${EXECUTE_ONLY.limitGzip / KB} KB`, async () => {
    const m = await measure(EXECUTE_ONLY);
    expect(m.modules.some((x) => /core[\\/]dist[\\/]/.test(x.path))).toBe(true);
    expect(m.gzip, formatReport(m)).toBeLessThanOrEqual(m.limitGzip);
  });

  it('A: execute-only contains no batches, no OAuth client-credentials, no Node-only code', async () => {
    const m = await measureScenario(EXECUTE_ONLY, PACKAGE_DIR);
    const inputs = Object.keys(m.metafile.inputs);
    expect(inputs.some((p) => /services[\\/]dist[\\/]execute-service\.js$/.test(p))).toBe(true);
    expect(m.nodeImports).toEqual([]);
    expect(m.violations).toEqual([]);
  });

  it(`B: full Client from @spark/sdk ≤ ${FULL_CLIENT.limitGzip / KB} KB`, async () => {
    const m = await measure(FULL_CLIENT);
    expect(m.nodeImports).toEqual([]);
    expect(m.violations).toEqual([]);
    expect(m.gzip, formatReport(m)).toBeLessThanOrEqual(m.limitGzip);
  });

  it(`C: the apps/browser page ≤ ${BROWSER_PAGE.limitGzip / KB} KB, with @spark/core + @spark/services only`, async () => {
    const m = await measure(BROWSER_PAGE);
    const inputs = Object.keys(m.metafile.inputs);
    expect(inputs.some((p) => /apps[\\/]browser[\\/]src[\\/]main\.ts$/.test(p))).toBe(true);
    expect(inputs.some((p) => /services[\\/]dist[\\/]get-service-schema\.js$/.test(p))).toBe(true);
    expect(m.nodeImports).toEqual([]);
    expect(m.violations).toEqual([]);
    expect(m.gzip, formatReport(m)).toBeLessThanOrEqual(m.limitGzip);
  });

  it('the checks can fail: a bundle that pulls the Node entry of core is flagged', async () => {
    const m = await measureScenario(
      {
        id: 'node-leak',
        title: 'deliberate leak',
        entry: "export { createClient } from '../../packages/core/dist/index.node.js';",
        limitGzip: 1,
        forbidden: EXECUTE_ONLY.forbidden,
      },
      PACKAGE_DIR,
    );
    expect(m.gzip).toBeGreaterThan(m.limitGzip);
    expect(m.violations.join('\n')).toMatch(/node-transport|\.node\.js/);
    expect(m.nodeImports.some((n) => n.startsWith('node:'))).toBe(true);
  });

  it("the checks can fail: a page that pulls another resource package is flagged by C's rules", async () => {
    const m = await measureScenario(
      {
        ...BROWSER_PAGE,
        id: 'page-leak',
        entry: "export { findFolders } from '../../packages/folders/dist/index.js';",
      },
      PACKAGE_DIR,
    );
    expect(m.violations.join('\n')).toMatch(/folders[\\/]dist[\\/].*the page uses @spark\/core and @spark\/services only/);
  });

  it("core's export conditions: browsers get the build without environment variables, workers and edge runtimes keep it", async () => {
    const createClientModule = async (conditions: string[], platform: 'browser' | 'neutral') => {
      const r = await build({
        stdin: { contents: "export { createClient } from '@spark/core';", resolveDir: PACKAGE_DIR, loader: 'js' },
        bundle: true, write: false, format: 'esm', platform, conditions, metafile: true, logLevel: 'silent', external: ['node:*'],
      });
      return Object.keys(r.metafile.inputs).filter((p) => /core[\\/]dist[\\/]client[\\/]create-client/.test(p)).map((p) => p.replace(/^.*[\\/]/, ''));
    };
    expect(await createClientModule([], 'browser')).toEqual(['create-client.browser.js']);
    for (const runtime of ['workerd', 'worker', 'edge-light']) {
      expect(await createClientModule([runtime, 'browser'], 'neutral')).toEqual(['create-client.js']);
    }
    expect(await createClientModule(['default'], 'neutral')).toEqual(['create-client.js']);
  });
});
