import { describe, expect, it } from 'vitest';
import { SparkSdkError } from '@spark/core';
import { printServiceTypes } from './print-service-types.js';
import { serviceTypeSource } from './service-type-source.js';

function swagger(inputs: object, outputs: object = { type: 'object', properties: { y: { type: 'number' } } }): object {
  return {
    paths: {
      '/{tenant}/api/v3/folders/{product}/services/{engine}/execute': {
        post: {
          parameters: [{ in: 'body', schema: { $ref: '#/definitions/Request' } }],
          responses: { '200': { schema: { type: 'object', properties: { response_data: { type: 'object', properties: { outputs } } } } } },
        },
      },
    },
    definitions: { Request: { type: 'object', properties: { request_data: { type: 'object', properties: { inputs } } } } },
  };
}

describe('printServiceTypes', () => {
  it('types table inputs as arrays of named row interfaces', async () => {
    const inputs = { type: 'object', properties: { rates: { type: 'array', items: { type: 'object', properties: { year: { type: 'integer' }, rate: { type: 'number' } } } } } };
    const code = await printServiceTypes([serviceTypeSource('f/pricing', { swagger: swagger(inputs) })]);
    expect(code).toContain('export interface PricingInputs {\n  rates?: PricingRatesRow[];\n}');
    expect(code).toContain('export interface PricingRatesRow {\n  year?: number;\n  rate?: number;\n}');
  });

  it('keeps a hostile description inside its comment', async () => {
    const inputs = { type: 'object', properties: { x: { type: 'string' } } };
    const schema = { metadata: { xInputTable: [{ 'Input Name': 'x', Description: 'ends here */ export const pwned = 1; /*' }] } };
    const code = await printServiceTypes([serviceTypeSource('f/s', { swagger: swagger(inputs), schema })]);
    expect(code).not.toMatch(/^export const pwned/m);
    expect(code.match(/\*\//g)?.length).toBe(code.match(/\/\*\*/g)?.length);
  });

  it('names two services of the same name after their folders', async () => {
    const inputs = { type: 'object', properties: { x: { type: 'number' } } };
    const code = await printServiceTypes(['a/calc', 'b/calc', 'b/other-one'].map((uri) => serviceTypeSource(uri, { swagger: swagger(inputs) })));
    expect(code.match(/^export const \w+/gm)).toEqual(['export const aCalc', 'export const bCalc', 'export const otherOne']);
  });

  it('refuses a document it cannot type, naming the service', () => {
    expect(() => serviceTypeSource('f/s', { swagger: { paths: {} } })).toThrow(SparkSdkError);
    expect(() => serviceTypeSource('f/s', { swagger: { paths: {} } })).toThrow('codegen: the Swagger document of "f/s" cannot be typed: it describes no execute endpoint');
    const dangling = swagger({ $ref: '#/definitions/Missing' });
    expect(() => serviceTypeSource('f/s', { swagger: dangling })).toThrow(/it has no request_data.inputs schema/);
  });

  it('refuses an importFrom that is not a module specifier', async () => {
    await expect(printServiceTypes([], { importFrom: '"; process.exit(1); "' })).rejects.toThrow(/"importFrom" must be a module specifier/);
  });
});
