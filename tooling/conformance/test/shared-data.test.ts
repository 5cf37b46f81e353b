import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repositoryRoot, sharedSparkApi } from '../src/shared-data.js';

const scratch = mkdtempSync(join(tmpdir(), 'spark-conformance-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('../shared lookup', () => {
  it('finds the repository root by walking up from a nested directory', () => {
    const repo = join(scratch, 'repo');
    mkdirSync(join(repo, 'tooling', 'x'), { recursive: true });
    writeFileSync(join(repo, 'pnpm-workspace.yaml'), 'packages: []\n');
    expect(repositoryRoot(join(repo, 'tooling', 'x'))).toBe(repo);
  });

  it('fails (does not skip) when ../shared/spark-api is absent', () => {
    expect(() => sharedSparkApi(join(scratch, 'repo'))).toThrow(/shared[/\\]spark-api is missing/);
  });

  it('resolves this checkout\'s ../shared', () => {
    expect(sharedSparkApi()).toMatch(/shared[/\\]spark-api$/);
  });
});
