import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared detailed-log sample (read in place, never copied into the project). */
const LOG_SAMPLE_PATH = fileURLToPath(new URL('../../../../../shared/spark-api/samples/detailed-log.json', import.meta.url));
export const LOG_SAMPLE: string | undefined = existsSync(LOG_SAMPLE_PATH) ? readFileSync(LOG_SAMPLE_PATH, 'utf8') : undefined;
export const LOG_SAMPLE_SKIP_REASON = `sample not found at ${LOG_SAMPLE_PATH}`;
