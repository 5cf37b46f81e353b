import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { samplePath } from '@spark/test-utils';
import { printServiceTypes, serviceTypeSource } from '../src/index.js';

const sample = (name: string): unknown => JSON.parse(readFileSync(samplePath(name), 'utf8'));

describe('types from the documents captured from Spark', () => {
  it('types the sample Swagger document (inline schemas, integer input)', async () => {
    const source = serviceTypeSource('my-folder/my-service', { swagger: sample('service-swagger.json'), schema: sample('service-schema.json') });
    expect(source.inputs).toEqual({ type: 'object', additionalProperties: false, properties: { my_input: { type: 'integer', default: 13, description: '@default 13' } } });
    const code = await printServiceTypes([source]);
    expect(code).toContain('export interface MyServiceInputs {\n  /**\n   * @default 13\n   */\n  my_input?: number;\n}');
    expect(code).toContain('export interface MyServiceOutputs {\n  my_output: number;\n}');
    expect(code).toContain('export const myService = defineService<MyServiceInputs, MyServiceOutputs>("my-folder/my-service");');
  });

  it('reads descriptions from both captured schema documents the same way', async () => {
    for (const name of ['service-schema.json', 'ts-service-schema.json']) {
      const schema = sample(name) as { metadata: { xInputTable: Record<string, unknown>[] } };
      schema.metadata.xInputTable[0]!['Description'] = 'The input of my service';
      const code = await printServiceTypes([serviceTypeSource('my-folder/my-service', { swagger: sample('service-swagger.json'), schema })]);
      expect(code).toContain('  /**\n   * The input of my service\n   * @default 13\n   */\n  my_input?: number;');
    }
  });
});
