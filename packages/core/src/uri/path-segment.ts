import { SparkSdkError } from '../errors/sdk-error.js';

/**
 * Encodes one URL path segment taken from caller input (a folder, service, version id, call
 * id, job id, batch id, transform name). `encodeURIComponent` leaves `.` alone, so an empty
 * value, `.` or `..` would change which path is called (`{ folder: '..' }` reaching
 * `/api/v1/engines/…`): those are refused with a {@link SparkSdkError} naming the field,
 * before anything is sent. Every path a resource builds from caller input goes through here.
 *
 * @param value - the caller's value
 * @param field - the field name for the error, e.g. `folder`
 * @returns the percent-encoded segment
 * @throws {SparkSdkError} when the value is not a string, or is empty, `.` or `..`
 * @example
 * `api/v3/folders/${pathSegment(folder, 'folder')}/services/${pathSegment(service, 'service')}`
 * pathSegment('my folder', 'folder') // 'my%20folder'
 * pathSegment('..', 'folder')        // throws SparkSdkError: folder must be a name, not ".."
 */
export function pathSegment(value: string, field: string): string {
  if (typeof value !== 'string') throw new SparkSdkError(`${field} must be a string, got ${typeof value}`, { cause: value });
  if (value === '' || value === '.' || value === '..' || value.trim() === '') {
    throw new SparkSdkError(`${field} must be a non-empty name, not ${JSON.stringify(value)}: it would change the request's path`, { cause: value });
  }
  try {
    return encodeURIComponent(value);
  } catch {
    throw new SparkSdkError(`${field} is not well-formed Unicode`, { cause: value });
  }
}

/**
 * Encodes a `/`-separated path from caller input (a proxy endpoint), each segment through
 * {@link pathSegment}: leading and trailing slashes are dropped; an empty, `.` or `..` segment
 * inside it is refused.
 *
 * @example
 * pathSegments('my/endpoint v2', 'proxy')  // 'my/endpoint%20v2'
 * pathSegments('../../admin/x', 'proxy')   // throws SparkSdkError
 */
export function pathSegments(value: string, field: string): string {
  if (typeof value !== 'string') throw new SparkSdkError(`${field} must be a string, got ${typeof value}`, { cause: value });
  return value.replace(/^\/+|\/+$/g, '').split('/').map((segment) => pathSegment(segment, field)).join('/');
}
