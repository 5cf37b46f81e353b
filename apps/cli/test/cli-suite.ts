import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { withEmulator, type EmulatorFixture } from '@spark/test-utils/emulator';
import { cleanEnv, runCli, type RunResult } from './helpers.js';

/** One CLI suite's set-up: an emulator, a throwaway HOME and working folder, and the flags that reach it. */
export interface CliSuite {
  /** The suite's emulator (started in beforeAll, closed in afterAll). */
  emu: EmulatorFixture;
  /** The temporary folder: HOME and working directory of every run. */
  dir: string;
  /** The child's environment: no CSPARK_* from the developer's shell, HOME = `dir`. */
  env: NodeJS.ProcessEnv;
  /** `--base-url <emulator> --api-key <key>`. */
  auth: string[];
  /** Runs `spark …args` with `auth` appended, in `dir`, with `env`; `input` goes to stdin. */
  spark(...args: string[]): Promise<RunResult>;
}

/**
 * Starts an emulator and a temporary folder for the suite it is called in (at the top level of a
 * test file), and removes the folder afterwards. `name` labels the folder.
 */
export function cliSuite(name: string, options?: Parameters<typeof withEmulator>[0]): CliSuite {
  const suite: CliSuite = {
    emu: withEmulator(options),
    dir: '',
    env: {},
    auth: [],
    spark: (...args) => runCli([...args, ...suite.auth], suite.env, suite.dir),
  };
  beforeAll(async () => {
    suite.dir = await mkdtemp(join(tmpdir(), `spark-cli-${name}-`));
    suite.env = cleanEnv(suite.dir);
    suite.auth = ['--base-url', suite.emu.baseUrl, '--api-key', suite.emu.apiKey];
  });
  afterAll(async () => {
    if (suite.dir) await rm(suite.dir, { recursive: true, force: true });
  });
  return suite;
}
