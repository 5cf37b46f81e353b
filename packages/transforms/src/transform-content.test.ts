import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SparkSdkError } from '@spark/core';
import { buildTransformContent } from './transform-content.js';
import { samplePath } from '@spark/test-utils';

const build = (t: unknown) => JSON.parse(buildTransformContent(t as never, 'op'));

describe('buildTransformContent', () => {
  it('builds a JSONata document with defaults from the SDK shape', () => {
    expect(build({ inputs: 'in', outputs: 'out' })).toEqual({
      transform_type: 'JSONtransforms_v1.0.1', target_api_version: 'v3', input_body_transform: 'in', output_body_transform: 'out',
    });
    expect(build({ schema: 'JSONtransforms_v2', apiVersion: 'v4', inputs: 'in', extras: { note: 1 } })).toEqual({
      transform_type: 'JSONtransforms_v2', target_api_version: 'v4', input_body_transform: 'in', output_body_transform: null, note: 1,
    });
  });

  it('builds a Node.js document when schema contains nodejs22 (case-insensitive)', () => {
    expect(build({ schema: 'NodeJS22_v1.0.0', inputs: 'async function handler(e){return e}' })).toEqual({
      transform_type: 'NodeJS22_v1.0.0', transform_code: 'async function handler(e){return e}',
    });
  });

  it('accepts the SDK shape as JSON text', () => {
    expect(build(JSON.stringify({ inputs: 'i' }))).toMatchObject({ input_body_transform: 'i' });
  });

  it('sends a raw Spark document as is (object stringified, string untouched)', () => {
    const raw = { transform_type: 'Nodejs22_v1.0.0', transform_code: 'code', custom: true };
    expect(build(raw)).toEqual(raw);
    const text = '{ "transform_type": "JSONtransforms_v1.0.1",\n "input_body_transform": "x" }';
    expect(buildTransformContent(text, 'op')).toBe(text);
  });

  it('sends the shared jsonmapper sample byte for byte', () => {
    const sample = readFileSync(samplePath('jsonmapper_transform.json'), 'utf8');
    expect(buildTransformContent(sample, 'op')).toBe(sample);
    expect(build(JSON.parse(sample))).toEqual(JSON.parse(sample));
  });

  it.each([
    ['invalid JSON text', '{nope'],
    ['an array', []],
    ['a number', 3],
    ['an empty object', {}],
    ['an unknown SDK field', { inputs: 'i', output: 'typo' }],
    ['a bad apiVersion', { inputs: 'i', apiVersion: 'v5' }],
    ['a non-string expression', { inputs: { a: 1 } }],
    ['a Node.js transform without code', { schema: 'nodejs22' }],
    ['a blank transform_type', { transform_type: ' ' }],
  ])('rejects %s with a SparkSdkError', (_name, input) => {
    expect(() => buildTransformContent(input as never, 'transforms.upload')).toThrow(SparkSdkError);
  });
});
