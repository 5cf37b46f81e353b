import * as v from 'valibot';

/** A string that is not blank; the parsed value is trimmed. */
export const nonEmptyString = v.pipe(v.string(), v.trim(), v.nonEmpty('must be a non-empty string'));

/** The `source_system` this SDK reports in request metadata unless the caller names another. */
export const SOURCE_SYSTEM = 'Spark TypeScript SDK';
