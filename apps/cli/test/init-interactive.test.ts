import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, waitFor } from './helpers.js';

let home: string;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'spark-cli-init-'));
});
afterAll(() => rm(home, { recursive: true, force: true }));

// `script` runs `spark init` on a real pseudo-terminal; the test types the answers.
describe.skipIf(process.platform !== 'linux' || !existsSync('/usr/bin/script'))('spark init on a terminal', () => {
  it('asks for the profile, location and key (typed, masked), then saves it 0600 and active', async () => {
    const command = `stty cols 100; '${process.execPath}' '${BIN}' init`;
    const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], { env: cleanEnv(home), stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    child.stdout!.on('data', (chunk: Buffer) => (screen += chunk.toString()));
    const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
    let seen = 0;
    const answer = async (title: string, keys: string) => {
      let prompt = title;
      // `◆` marks the prompt waiting for an answer (choices of a menu are ○/●).
      prompt = `◆  ${prompt}`;
      await waitFor(() => screen.indexOf(prompt, seen) >= 0, 20_000).catch((error: Error) => {
        throw new Error(`${error.message} for "${prompt}"; screen: ${JSON.stringify(screen.slice(-400))}`);
      });
      seen = screen.indexOf(prompt, seen) + prompt.length;
      // The prompt is drawn just before the terminal is switched to raw mode: let it settle.
      await new Promise((resolve) => setTimeout(resolve, 200));
      child.stdin!.write(keys);
    };
    await answer('Profile name', 'local\r');
    await answer('Connect with', '\r'); // the first choice: a base URL
    await answer('Base URL', 'http://127.0.0.1:3000/my-tenant\r');
    await answer('Authenticate with', '\r'); // an API key
    await answer('API key', 'typed-secret-key\r');
    expect(await closed).toBe(0);
    const file = join(home, '.spark', 'profiles.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      profiles: { local: { baseUrl: 'http://127.0.0.1:3000/my-tenant', apiKey: 'typed-secret-key' } },
      default: 'local',
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(screen).not.toContain('typed-secret-key'); // the key is masked as it is typed
  });
});
