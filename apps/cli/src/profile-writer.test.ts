import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateProfileFile } from './profile-writer.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spark-cli-writer-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('updateProfileFile', () => {
  it('creates the directory 0700 and the file 0600, leaving no temporary file', async () => {
    const path = join(dir, 'new', '.spark', 'profiles.json');
    await updateProfileFile(path, (file) => {
      file.profiles['local'] = { apiKey: 'secret' };
      file.default = 'local';
    });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'new', '.spark'))).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ profiles: { local: { apiKey: 'secret' } }, default: 'local' });
    expect(await readdir(join(dir, 'new', '.spark'))).toEqual(['profiles.json']);
  });

  it('replaces a world-readable file with a 0600 one and keeps fields it does not know', async () => {
    const path = join(dir, 'shared.json');
    await writeFile(path, JSON.stringify({ profiles: { broken: { timeout: 'x' } }, note: 'kept' }));
    await chmod(path, 0o644);
    await updateProfileFile(path, (file) => {
      file.profiles['b'] = { tenant: 't' };
    });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ profiles: { broken: { timeout: 'x' }, b: { tenant: 't' } }, note: 'kept' });
  });

  it('refuses to rewrite a file that is not JSON (it would lose the user’s text)', async () => {
    const path = join(dir, 'bad.json');
    await writeFile(path, '{ oops');
    await expect(updateProfileFile(path, () => undefined)).rejects.toThrow(/not valid JSON .*fix it by hand/);
    expect(await readFile(path, 'utf8')).toBe('{ oops');
  });

  it('names the file and the position of a JSON error, never the text around it (it may be a secret)', async () => {
    const path = join(dir, 'quoted.json');
    // Single quotes around a key: V8's message quotes the ten characters that follow.
    await writeFile(path, `{"profiles":{"prod":{"apiKey":'sk_9f8e7d6c5b4a'}}}`);
    const error = await updateProfileFile(path, () => undefined).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toBe(`profile file ${path} is not valid JSON: fix it by hand before changing it`);
    await writeFile(path, `{"profiles":{"prod":{"apiKey":"sk_9f8e7d6c5b4a"\n"tenant":"t"}}}`);
    await expect(updateProfileFile(path, () => undefined)).rejects.toThrow(/is not valid JSON \(at position 48( \(line 2 column 1\))?\): fix it by hand/);
  });
});
