import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withEmulator } from '@spark/test-utils/emulator';
import { BIN, cleanEnv, cylinders } from './helpers.js';

const emu = withEmulator({ batch: { recordLatencyMs: 1 } });
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spark-cli-tty-'));
  await writeFile(join(dir, 'in.ndjson'), cylinders(3_000).map((r) => JSON.stringify(r)).join('\n'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

// `script` gives the CLI a real pseudo-terminal, so stderr.isTTY is true as in a user's shell.
describe.skipIf(process.platform !== 'linux' || !existsSync('/usr/bin/script'))('spark batch run on a terminal', () => {
  it('redraws one progress bar in place with done/total, records/s, ETA, failures and retries', async () => {
    const out = join(dir, 'out.ndjson');
    const command = [process.execPath, BIN, 'batch', 'run', 'my-folder/volume-cylinder', '--input', 'in.ndjson', '--output', out, '--base-url', emu.baseUrl, '--api-key', emu.apiKey, '--chunk-size', '100']
      .map((a) => `'${a}'`)
      .join(' ');
    const typescript = join(dir, 'typescript');
    await promisify(execFile)('script', ['-q', '-e', '-c', `stty cols 100; ${command}`, typescript], { cwd: dir, env: cleanEnv(dir), timeout: 60_000 });
    const screen = await readFile(typescript, 'utf8');
    const frames = screen.split('\r\x1b[2K').slice(1);
    expect(frames.length).toBeGreaterThan(1);
    for (const frame of frames.slice(0, -1)) expect(frame).toMatch(/^\[[█░]+\] +\d+% [\d,]+\/3,000 records · [\d,]+ rec\/s( · ETA \d+:\d\d)? · \d+ failed · \d+ retr(y|ies)$/);
    expect(frames.some((f) => f.includes('ETA'))).toBe(true);
    expect(frames.at(-1)).toMatch(/^\[█+\] 100% 3,000\/3,000 records/);
    expect(screen).toMatch(/3,000 records: 3,000 ok, 0 failed/);
    expect((await readFile(out, 'utf8')).trim().split('\n')).toHaveLength(3_000);
  });
});
