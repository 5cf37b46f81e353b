import { parseServiceUri, SparkSdkError, type ServiceUriInput } from '@spark/core';

/**
 * The locator part of a hybrid `request_meta`. Only service and version ids reach the
 * runner; a `folder/service` locator is accepted (as both official SDKs do) but only its
 * `[version]` travels, as the Python SDK sends it.
 */
export function locatorMeta(uri: ServiceUriInput, operation: string, withVersion: boolean): Record<string, string> {
  const loc = parseServiceUri(uri);
  if (loc.proxy) throw new SparkSdkError(`${operation}: a proxy locator cannot address a hybrid runner; use service/{id} or version/{id}`, { cause: uri });
  return {
    ...(loc.serviceId ? { service_id: loc.serviceId } : {}),
    ...(loc.versionId ? { version_id: loc.versionId } : {}),
    ...(withVersion && loc.version ? { version: loc.version } : {}),
  };
}
