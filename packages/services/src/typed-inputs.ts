import { isServiceDescriptor, SparkSdkError, type AnyServiceDescriptor, type ServiceUriInput } from '@spark/core';

/**
 * Applies `validate` to one call's inputs: on when the call says so, else when the service
 * descriptor does. The checker comes with the descriptor (`checkInputs`), so an application
 * that never validates never bundles it.
 *
 * @param uri - the service as the caller named it (a descriptor carries the schema)
 * @param inputs - the normalised inputs (one record or many)
 * @param validate - the call's own `validate` option
 * @param operation - operation id used in the error message
 * @example
 * checkTypedInputs(volumeCylinder, { radius: 'x' }, true, 'services.execute'); // throws a SparkSdkError naming "inputs.radius"
 */
export function checkTypedInputs(
  uri: ServiceUriInput | AnyServiceDescriptor,
  inputs: object | readonly object[],
  validate: boolean | undefined,
  operation: string,
): void {
  const descriptor = isServiceDescriptor(uri) ? uri : undefined;
  if (!(validate ?? descriptor?.validate)) return;
  if (!descriptor?.inputSchema || typeof descriptor.checkInputs !== 'function') {
    throw new SparkSdkError(`${operation}: "validate" needs a service descriptor with an inputSchema and checkInputs (generate one with \`spark types --schema\`)`);
  }
  descriptor.checkInputs(descriptor.inputSchema, inputs, operation);
}
