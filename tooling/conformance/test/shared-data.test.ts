import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedSparkApi } from '../src/shared-data.js';

const scratch = mkdtempSync(join(tmpdir(), 'spark-conformance-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('../shared lookup', () => {
  it('fails (does not skip) when ../shared/spark-api is absent beside the repository', () => {
    mkdirSync(join(scratch, 'repo'));
    expect(() => sharedSparkApi(join(scratch, 'repo'))).toThrow(/shared[/\\]spark-api is missing/);
  });

  it("resolves this checkout's ../shared", () => {
    expect(sharedSparkApi()).toMatch(/shared[/\\]spark-api$/);
  });
});
