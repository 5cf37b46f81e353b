import { chooseTarget } from './target.js';
import { tour } from './tour.js';

const target = await chooseTarget();
try {
  await tour(target, Number(process.env['SPARK_DEMO_RECORDS'] ?? 10_000));
  console.log('\nDone.');
} catch (error) {
  console.error(`\nThe tour failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  process.exitCode = 1;
} finally {
  await target.emulator?.close();
}
