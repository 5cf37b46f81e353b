import { createServer, type RequestListener, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

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
