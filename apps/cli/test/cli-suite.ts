import { createServer, type RequestListener, type Server } from 'node:http';
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

/** A suite's own fake Spark: a server on 127.0.0.1 that answers as the test says, and a throwaway folder. */
export interface FakeSpark {
  /** `http://127.0.0.1:<port>/tenant` (set in beforeAll). */
  baseUrl: string;
  /** The temporary folder (HOME of the runs; set in beforeAll). */
  root: string;
  /** Requests the server has received. */
  requests: number;
}

/**
 * Starts a loopback server on port 0 that answers every request with `handler` (a hostile
 * Spark, say), and a temporary folder, for the suite it is called in (at the top level of a test
 * file); closes and removes both afterwards. `name` labels the folder.
 */
export function fakeSpark(name: string, handler: RequestListener): FakeSpark {
  const fake: FakeSpark = { baseUrl: '', root: '', requests: 0 };
  let server: Server | undefined;
  beforeAll(async () => {
    server = createServer((req, res) => {
      fake.requests++;
      handler(req, res);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    fake.baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/tenant`;
    fake.root = await mkdtemp(join(tmpdir(), `spark-cli-${name}-`));
  });
  afterAll(async () => {
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    if (fake.root) await rm(fake.root, { recursive: true, force: true });
  });
  return fake;
}
