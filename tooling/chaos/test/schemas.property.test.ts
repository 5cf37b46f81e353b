import { createChunks, toChunks } from '@spark/batches';
import { createClient, SparkSdkError, type SparkFetch } from '@spark/core';
import { executeService } from '@spark/services';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 500);
const junk = fc.anything({ withBigInt: true, withNullPrototype: true, withDate: true, withMap: true, withSet: true, withTypedArray: true });
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('', ' ', 'neuron', 'Type3', '2024-01-01', 'a,b', '{"x":1}', '[{"x":1}]', 'not json'));
const list = fc.oneof(text, fc.array(text, { maxLength: 3 }), junk);
const record = fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.boolean(), fc.constant(null)), { maxKeys: 4 });

/** Every key of ExecuteParams, each with good values, near misses and junk. */
const executeParams = fc.record({
  inputs: fc.oneof(record, fc.array(record, { maxLength: 3 }), text, fc.constant(null), junk),
  callPurpose: fc.oneof(text, junk), activeSince: fc.oneof(text, fc.integer(), fc.date({ noInvalidDate: false }), junk), sourceSystem: fc.oneof(text, junk),
  correlationId: fc.oneof(text, junk), subservices: list, selectedOutputs: list, tablesAsArray: list, outputsFilter: fc.oneof(text, junk),
  compilerType: fc.oneof(fc.constantFrom('Neuron', 'type3', 'Type9'), junk), debugSolve: fc.oneof(fc.boolean(), junk), echoInputs: fc.oneof(fc.boolean(), junk),
  downloadable: fc.oneof(fc.boolean(), junk), extras: fc.oneof(record, junk), responseFormat: fc.oneof(fc.constantFrom('alike', 'original', 'other'), junk),
  compress: fc.oneof(fc.boolean(), junk), timeout: fc.oneof(fc.integer({ min: -5, max: 60_000 }), fc.double(), junk),
  signal: fc.oneof(fc.constant(new AbortController().signal), junk),
}, { requiredKeys: [] });
const uri = fc.oneof(
  fc.constantFrom('f/s', 'f/s[1.0.0]', 'service/abc', 'version/v1', 'proxy/x/y', 'my folder/my service', 'f/'),
  fc.record({ folder: fc.oneof(text, junk), service: fc.oneof(text, junk), version: fc.oneof(text, junk), serviceId: text, versionId: text, public: fc.oneof(fc.boolean(), junk) }, { requiredKeys: [] }),
  junk,
);

/** Answers every request with a valid v3 execute response. */
const answer: SparkFetch = async () => new Response(JSON.stringify({
  status: 'Success', response_data: { outputs: { y: 1 }, errors: null, warnings: null, service_chain: null },
  response_meta: { service_id: 's', version_id: 'v', version: '1.0.0', process_time: 1, call_id: 'c', compiler_version: '1', request_timestamp: 't' },
}), { status: 200, headers: { 'content-type': 'application/json' } });

async function succeedsOrSdkError(fn: () => Promise<unknown> | unknown): Promise<unknown> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof SparkSdkError)) throw error;
    return error;
  }
}

describe('public parameter schemas (property-based)', () => {
  test('executeService: any params and locator → a result or a SparkSdkError; nothing is sent for a SparkSdkError', async () => {
    let sent = 0;
    using spark = createClient({ baseUrl: 'https://excel.test.coherent.global/my-tenant', apiKey: 'k', maxRetries: 0, fetch: async (...args) => { sent++; return answer(...args); } });
    await fc.assert(fc.asyncProperty(uri, fc.oneof(executeParams, junk), async (locator, params) => {
      const before = sent;
      const outcome = await succeedsOrSdkError(() => executeService(spark, locator as never, params as never));
      if (outcome instanceof SparkSdkError) {
        expect(sent).toBe(before);
        expect(outcome.message.length).toBeGreaterThan(0);
      } else {
        expect(sent).toBe(before + 1);
      }
    }), { numRuns: RUNS });
  });

  test('createChunks and toChunks: any JSON records and any options → chunks or a SparkSdkError', () => {
    const records = fc.oneof(fc.array(record, { maxLength: 6 }), fc.array(fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { maxLength: 4 }), { maxLength: 6 }), fc.array(fc.jsonValue(), { maxLength: 4 }));
    const options = fc.oneof(fc.record({
      chunkSize: fc.oneof(fc.integer({ min: -1, max: 4 }), fc.double(), junk), headers: fc.oneof(fc.array(fc.string({ maxLength: 3 }), { maxLength: 4 }), junk),
      parameters: fc.oneof(record, junk), summary: fc.oneof(record, junk), chunkId: fc.oneof(fc.constant((i: number) => `c${i % 2}`), junk),
    }, { requiredKeys: [] }), junk);
    fc.assert(fc.property(records, options, (rows, opts) => {
      const chunks = (() => { try { return createChunks(rows as never, opts as never); } catch (error) { if (error instanceof SparkSdkError) return undefined; throw error; } })();
      if (chunks) {
        expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
        for (const chunk of chunks) expect(chunk.size).toBe(chunk.data.inputs.length - 1);
      }
    }), { numRuns: RUNS });
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), text, fc.jsonValue().map((v) => JSON.stringify(v))), (raw) => {
      try { toChunks(raw as never); } catch (error) { if (!(error instanceof SparkSdkError)) throw error; }
    }), { numRuns: RUNS });
  });

  // Found by the property above with non-JSON input, then fixed in @spark/batches.
  test('createChunks(non-array records) is a SparkSdkError', () => {
    expect(() => createChunks(new Map() as never)).toThrow(SparkSdkError);
  });
  test('createChunks with a BigInt cell is a SparkSdkError', () => {
    expect(() => createChunks([[0n]] as never)).toThrow(SparkSdkError);
  });
});
