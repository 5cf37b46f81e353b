import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared JSONata sample document (read in place, never copied into the project). */
const SAMPLE_PATH = fileURLToPath(new URL('../../../../../shared/spark-api/samples/jsonmapper_transform.json', import.meta.url));
export const SAMPLE_TEXT: string | undefined = existsSync(SAMPLE_PATH) ? readFileSync(SAMPLE_PATH, 'utf8') : undefined;
/** Why the sample-based tests are skipped, when they are. */
export const SAMPLE_SKIP_REASON = `sample not found at ${SAMPLE_PATH}`;
