import { describe, expect, it } from 'vitest';
import { SparkSdkError } from '@spark/core';
import { effectiveDates } from './dates.js';
import { normaliseInputs } from './normalise-inputs.js';

describe('effectiveDates', () => {
  it('defaults the start to now and the end to ten years later', () => {
    const before = Date.now();
    const { start, end } = effectiveDates(undefined, undefined, 'op');
    expect(Date.parse(start)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(start)).toBeLessThanOrEqual(Date.now());
    const expected = new Date(start);
    expected.setUTCFullYear(expected.getUTCFullYear() + 10);
    expect(end).toBe(expected.toISOString());
  });

  it('accepts ISO strings, epoch ms and Dates', () => {
    expect(effectiveDates('2024-02-29', Date.UTC(2025, 0, 1), 'op')).toEqual({ start: '2024-02-29T00:00:00.000Z', end: '2025-01-01T00:00:00.000Z' });
    expect(effectiveDates(new Date('2024-01-01T10:00:00Z'), undefined, 'op').end).toBe('2034-01-01T10:00:00.000Z');
  });

  it('rejects invalid dates and an end not after the start', () => {
    expect(() => effectiveDates('nope', undefined, 'services.create')).toThrow(/services\.create: "startDate"/);
    expect(() => effectiveDates('2025-01-01', 'later', 'op')).toThrow(/"endDate" must be a valid date/);
    expect(() => effectiveDates('2025-01-01', '2025-01-01', 'op')).toThrow(SparkSdkError);
  });
});

describe('normaliseInputs', () => {
  it('keeps records and rejects arrays when one record is required', () => {
    expect(normaliseInputs([{ a: 1 }], 'op')).toEqual([{ a: 1 }]);
    expect(normaliseInputs([], 'op', true)).toEqual({});
    expect(() => normaliseInputs([{ a: 1 }], 'op', true)).toThrow(/one record/);
  });
});
