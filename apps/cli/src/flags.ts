import { InvalidArgumentError } from 'commander';

/**
 * Parses a number > 0 for a flag.
 *
 * @param value - the flag's text
 * @returns the number
 * @example
 * positiveNumber('1500'); // 1500
 */
export function positiveNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a number > 0.');
  return n;
}

/**
 * Parses a whole number >= 0 for a flag.
 *
 * @param value - the flag's text
 * @returns the number
 * @example
 * wholeNumber('0'); // 0
 */
export function wholeNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number >= 0.');
  return n;
}

/**
 * Parses a whole number > 0 for a flag (a count of bytes, say).
 *
 * @param value - the flag's text
 * @returns the number
 * @example
 * positiveWholeNumber('1048576'); // 1048576
 */
export function positiveWholeNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a whole number > 0.');
  return n;
}
