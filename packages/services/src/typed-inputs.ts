import { isServiceDescriptor, SparkSdkError, type AnyServiceDescriptor, type ServiceUriInput } from '@spark/core';

/**
 * Applies `validate` to one call's inputs: on when the call says so, else when the service
 * descriptor does. The checker is imported only then, so calls without it never load it.
 *
 * @param uri - the service as the caller named it (a descriptor carries the schema)
 * @param inputs - the normalised inputs (one record or many)
 * @param validate - the call's own `validate` option
 * @param operation - operation id used in the error message
 * @example
 * await checkTypedInputs(volumeCylinder, { radius: 'x' }, true, 'services.execute'); // throws a SparkSdkError naming "inputs.radius"
 */
export function checkTypedInputs(
  uri: ServiceUriInput | AnyServiceDescriptor,
  inputs: object | readonly object[],
  validate: boolean | undefined,
  operation: string,
): Promise<void> | undefined {
  const descriptor = isServiceDescriptor(uri) ? uri : undefined;
  // Nothing to check: answer synchronously, so the request starts in the caller's tick (a call
  // made just before `close()` is then in flight and drained, not refused as closed).
  if (!(validate ?? descriptor?.validate)) return undefined;
  const schema = descriptor?.inputSchema;
  if (!schema) {
    throw new SparkSdkError(`${operation}: "validate" needs a service descriptor with an inputSchema (generate one with \`spark types --schema\`)`);
  }
  return import('./check-inputs.js').then(({ checkInputs }) => checkInputs(schema, inputs, operation));
}
