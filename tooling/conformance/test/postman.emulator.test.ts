import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '@spark/emulator';
import type { NewmanExecution } from 'newman';
import { sharedSparkApi } from '../src/shared-data.js';
import { loadCollection, loadEnvironment, requestItems } from '../src/collection.js';
import { seed } from '../src/seed.js';
import { runNewman } from '../src/run-newman.js';
import { shapeDiff } from '../src/shape.js';
import { NOT_2XX, SAMPLES } from '../src/expectations.js';

// Spark's own Postman collection, run by newman against the emulator: every request is
// answered as the collection expects, and answers with a Spark sample have its shape.
const shared = sharedSparkApi(); // throws (the suite fails) when ../shared is absent
let emu: Emulator;
let executions: NewmanExecution[] = [];
let expectedCount = 0;

beforeAll(async () => {
  emu = await startEmulator();
  const seeded = await seed(emu, shared);
  const collection = loadCollection(shared, emu.url, seeded.files);
  expectedCount = requestItems(collection.item).length;
  const summary = await runNewman({ collection, environment: loadEnvironment(shared, seeded.values) });
  executions = summary.run.executions;
});
afterAll(() => emu?.close());

const key = (e: NewmanExecution) => `${e.request.method} ${e.item.name}`;
const status = (e: NewmanExecution) => e.response?.code ?? `no answer: ${e.requestError?.message ?? '?'}`;
const json = (e: NewmanExecution): unknown => JSON.parse(e.response?.stream?.toString('utf8') ?? 'null');

describe("Spark's Postman collection against the emulator", () => {
  it('runs every request of the collection', () => {
    expect(expectedCount).toBeGreaterThan(100);
    expect(executions).toHaveLength(expectedCount);
  });

  it('answers every request 2xx except the listed ones, which get exactly their listed status', () => {
    const wrong = executions
      .map((e) => {
        const want = NOT_2XX[key(e)];
        const got = status(e);
        const ok = want ? got === want.status : typeof got === 'number' && got >= 200 && got < 300;
        return ok ? undefined : `${key(e)} → ${got}${want ? ` (expected ${want.status}: ${want.why})` : ''}: ${e.response?.stream?.toString('utf8').slice(0, 200) ?? ''}`;
      })
      .filter(Boolean);
    expect(wrong).toEqual([]);
    for (const listed of Object.keys(NOT_2XX)) expect(executions.some((e) => key(e) === listed), `${listed} is in the collection`).toBe(true);
  });

  it("gives answers the shape of Spark's samples", () => {
    const diffs: string[] = [];
    for (const [name, { sample, pick, rules }] of Object.entries(SAMPLES)) {
      const runs = executions.filter((e) => key(e) === name);
      expect(runs.length, `${name} is in the collection`).toBeGreaterThan(0);
      const model = JSON.parse(readFileSync(join(shared, 'samples', sample), 'utf8')) as unknown;
      for (const e of runs) diffs.push(...shapeDiff(pick(json(e)), model, rules).map((d) => `${name} vs ${sample}: ${d}`));
    }
    expect(diffs).toEqual([]);
  });

  it('hands out URLs on the emulator and carries the issued token through the run', () => {
    const token = executions.find((e) => key(e) === 'POST retrieves access token using CCG');
    expect(status(token!)).toBe(200);
    const issued = (json(token!) as { access_token: string }).access_token;
    const later = emu.requests.filter((r) => r.headers['authorization'] === `Bearer ${issued}`);
    expect(later.length).toBeGreaterThan(10);
    const rehydrate = executions.find((e) => key(e) === 'POST downloads copy of original Excel using call id');
    expect((json(rehydrate!) as { response_data: { download_url: string } }).response_data.download_url.startsWith(`${emu.url}/files/`)).toBe(true);
  });
});
