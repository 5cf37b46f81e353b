import { describe, expect, test } from 'vitest';
import { SparkSdkError } from '../errors/sdk-error.js';
import { defineService, isServiceDescriptor } from './service-descriptor.js';
import { formatServiceUri, parseServiceUri } from './service-uri.js';

describe('defineService', () => {
  test('holds the URI and nothing else unless asked', () => {
    const d = defineService<{ radius: number }, { volume: number }>('my-folder/volume-cylinder');
    expect(d).toEqual({ uri: 'my-folder/volume-cylinder' });
    expect(Object.isFrozen(d)).toBe(true);
    expect(isServiceDescriptor(d)).toBe(true);
  });

  test('is accepted wherever a service URI is parsed', () => {
    const d = defineService<{ radius: number }>('my-folder/volume-cylinder[1.2.3]');
    expect(parseServiceUri(d)).toEqual({ folder: 'my-folder', service: 'volume-cylinder', version: '1.2.3' });
    expect(formatServiceUri(parseServiceUri(d))).toBe('my-folder/volume-cylinder[1.2.3]');
  });

  test('a bad URI inside a descriptor fails like a bad string', () => {
    expect(() => parseServiceUri(defineService<object>('no-slash'))).toThrow(/invalid service URI "no-slash": it needs a folder and a service/);
  });

  test('refuses an empty URI and validate without a schema', () => {
    expect(() => defineService<object>('  ')).toThrow(SparkSdkError);
    expect(() => defineService<object>('f/s', { validate: true })).toThrow(/"validate" needs "inputSchema" and "checkInputs"/);
    expect(() => defineService<object>('f/s', { validate: true, inputSchema: { type: 'object' } })).toThrow(/"validate" needs "inputSchema" and "checkInputs"/);
  });

  test('a locator object is not a descriptor', () => {
    expect(isServiceDescriptor({ folder: 'f', service: 's' })).toBe(false);
    expect(isServiceDescriptor('f/s')).toBe(false);
  });
});
