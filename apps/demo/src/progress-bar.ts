/** A one-line progress bar on a TTY; a line per quarter otherwise (logs, CI). */
export function progressBar(total: number, label: string, out: NodeJS.WriteStream = process.stdout): (done: number, extra?: string) => void {
  let lastQuarter = -1;
  let finished = false;
  return (done, extra = '') => {
    const ratio = total > 0 ? Math.min(1, done / total) : 1;
    if (finished) return;
    finished = ratio === 1;
    if (out.isTTY) {
      const width = 30;
      const filled = Math.round(ratio * width);
      out.write(`\r  ${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${extra}   `);
      if (ratio === 1) out.write('\n');
      return;
    }
    const quarter = Math.floor(ratio * 4);
    if (quarter > lastQuarter) {
      lastQuarter = quarter;
      out.write(`  ${label} ${(ratio * 100).toFixed(0)}% ${extra}\n`);
    }
  };
}
