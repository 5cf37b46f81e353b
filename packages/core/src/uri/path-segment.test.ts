import { describe, expect, test } from 'vitest';
import { SparkSdkError } from '../errors/sdk-error.js';
import { pathSegment, pathSegments } from './path-segment.js';

describe('pathSegment', () => {
  test('encodes a name exactly once', () => {
    expect(pathSegment('my folder', 'folder')).toBe('my%20folder');
    expect(pathSegment('a/b', 'service')).toBe('a%2Fb');
    expect(pathSegment('%2e%2e', 'folder')).toBe('%252e%252e');
    expect(pathSegment('...', 'folder')).toBe('...');
  });

  test.each(['', '.', '..', '   '])('refuses %j with a SparkSdkError naming the field', (value) => {
    expect(() => pathSegment(value, 'folder')).toThrow(SparkSdkError);
    expect(() => pathSegment(value, 'folder')).toThrow(/^folder must be a non-empty name/);
  });

  test('refuses non-strings and lone surrogates', () => {
    expect(() => pathSegment(3 as never, 'jobId')).toThrow('jobId must be a string, got number');
    expect(() => pathSegment('\uD800', 'callId')).toThrow('callId is not well-formed Unicode');
  });

  test('pathSegments: each segment checked, edge slashes dropped', () => {
    expect(pathSegments('/my/end point/', 'proxy')).toBe('my/end%20point');
    expect(() => pathSegments('../../../../admin/x', 'proxy')).toThrow(/proxy must be a non-empty name, not "\.\."/);
    expect(() => pathSegments('a//b', 'proxy')).toThrow(SparkSdkError);
  });
});
