import { describe, expect, test } from 'vitest';
import { createClient } from '../src/client/create-client.node.js';
import { SparkConnectionError } from '../src/errors/connection-error.js';
import { rejection, startServer } from './server.js';
import { TRANSPORTS } from './transports.js';

// Issue 16 §4: a connection error says what to try.
describe.each(TRANSPORTS)('connection errors say what to try (%s)', (_name, transport) => {
  test('ECONNREFUSED asks whether the server or emulator is running at that URL', async () => {
    const server = await startServer();
    const baseUrl = server.baseUrl;
    await server.close(); // nothing listens on that port any more
    using spark = createClient({ baseUrl, apiKey: 'k', maxRetries: 0, ...transport });
    const error = await rejection(spark.request({ operation: 'test.get', method: 'GET', path: 'api/v3/x' }));
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain('is the Spark server or emulator running at that URL');
  });
});
