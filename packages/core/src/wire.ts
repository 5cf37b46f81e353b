// `@spark/core/wire`: the building blocks every Spark resource package shares (per-call
// options, dates, non-empty strings, the `source_system` default, the error for a failure
// answered with a success status), in one place so the rules cannot drift apart. For SDK
// packages and plugins; `@spark/sdk` does not re-export it.
//
// In Node core's bundle carries this entry as an internal frozen object, which the other
// packages' Node bundles read through their `@spark/core` import (scripts/build-package.mjs);
// dist/wire.node.js is a facade over it. So `SparkSdkError` stays one class.
export { timeoutSchema, callOptionsEntries, jobOptionsEntries, checkCallOptions, pickCallOptions } from './wire/call-options.js';
export { dateInputSchema, toIsoDate } from './wire/dates.js';
export { nonEmptyString, joinList, SOURCE_SYSTEM } from './wire/strings.js';
export { responseError } from './wire/response-error.js';
export { sleep } from './transport/sleep.js';
export { abortable } from './transport/abortable.js';
export { shownUrl } from './transport/trusted-origin.js';
export type { CallOptions, SparkDateInput } from './client/messages.js';
