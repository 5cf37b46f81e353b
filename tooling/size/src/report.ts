import { byPackage, type Measurement } from './measure.js';

/**
 * Formats a measurement as a short human-readable report (sizes, budget, top packages and modules).
 *
 * @param m - a measurement from `measureScenario`
 * @param top - how many modules to list
 * @returns the report text
 * @example
 * console.log(formatReport(await measureScenario(EXECUTE_ONLY, dir)));
 */
export function formatReport(m: Measurement, top = 8): string {
  const kb = (n: number): string => `${(n / 1000).toFixed(2)} KB`;
  const lines = [
    `${m.id}: ${kb(m.minified)} min, ${kb(m.gzip)} min+gz (budget ${kb(m.limitGzip)}) ${m.gzip <= m.limitGzip ? 'OK' : 'OVER BUDGET'}`,
    `  by package: ${byPackage(m.modules).map(([p, b]) => `${p} ${b} B`).join(', ')}`,
    `  largest modules (min bytes): ${m.modules.slice(0, top).map((x) => `${x.path.replace(/^.*node_modules\//, '')} ${x.bytes}`).join(', ')}`,
  ];
  if (m.violations.length) lines.push(`  violations:\n    ${m.violations.join('\n    ')}`);
  return lines.join('\n');
}
