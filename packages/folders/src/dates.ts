import { SparkSdkError } from '@spark/core';

/** A date option: an ISO string, epoch milliseconds or a `Date`. */
export type FolderDateInput = string | number | Date;

/** ISO 8601 (UTC, `toISOString()`) form of a date option; throws before anything is sent. */
export function toIsoDate(value: FolderDateInput, field: string, operation: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new SparkSdkError(`${operation}: "${field}" must be a valid date (ISO string, epoch ms or Date), got ${String(value)}`, { cause: value });
  }
  return date.toISOString();
}

/** `date` plus whole years (UTC calendar). */
export function addYears(iso: string, years: number): string {
  const date = new Date(iso);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString();
}
