/** Prints a numbered step title. */
export function step(n: number, title: string): void {
  console.log(`\n${n}. ${title}`);
}

/** Prints an indented key/value line. */
export function show(label: string, value: unknown): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  console.log(`   ${label.padEnd(18)} ${text}`);
}

/** Formats a number with thousands separators. */
export const num = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
