import type { CommandContext } from '../context.js';
import { printable, printResult } from '../output.js';

/** The end of a `spark batch run`, printed as one line or (with `--json`) one JSON document. */
export interface BatchReport {
  /** Records sent in this run. */
  recordsIn: number;
  /** Results with outputs written in this run. */
  recordsOut: number;
  /** Results with an error written in this run. */
  recordsFailed: number;
  /** Records skipped because the output file already answered them (`--resume`). */
  recordsSkipped: number;
  chunks: number;
  retries: number;
  durationMs: number;
  recordsPerSecond: number;
  batchId: string | null;
  /** The results file, or `null` for stdout. */
  output: string | null;
  /** Stopped by Ctrl-C / SIGTERM or a failure before every record had its result. */
  interrupted: boolean;
  /** The command that continues the run, when it did not finish. */
  resume: string | null;
}

/** Flags whose values are secrets: masked when the command line is repeated. */
const SECRET_FLAGS = new Set(['--api-key', '--token', '--client-secret']);
const SECRET_HEADER = /^\s*[^:]*(auth|key|token|secret|cookie|password)[^:]*:/i;

/**
 * The command line that resumes a run: the same arguments plus `--resume`, secrets masked,
 * shell-quoted.
 *
 * @param argv - the arguments after `spark`
 * @returns e.g. `spark batch run f/s --input in.csv --output out.csv --resume`
 * @example
 * resumeCommand(['batch', 'run', 'f/s', '-i', 'in.csv', '-o', 'out.csv', '--api-key', 'k']);
 * // "spark batch run f/s -i in.csv -o out.csv --api-key '…' --resume"
 */
export function resumeCommand(argv: string[]): string {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--force') continue;
    const [name, inline] = arg.split('=', 2) as [string, string | undefined];
    // A header that carries credentials (-H 'Authorization: …') is a secret too.
    const header = (name === '-H' || name === '--header') && SECRET_HEADER.test(inline ?? argv[i + 1] ?? '');
    if (SECRET_FLAGS.has(name) || header) {
      args.push(inline !== undefined ? `${name}='…'` : name);
      if (inline === undefined && i + 1 < argv.length) {
        args.push("'…'");
        i++;
      }
      continue;
    }
    args.push(quote(arg));
  }
  if (!argv.includes('--resume')) args.push('--resume');
  return `spark ${args.join(' ')}`;
}

/**
 * Prints the report: on stdout (human line or JSON) when results went to a file, on stderr
 * when results own stdout. An unfinished run also says how to resume it.
 *
 * @param ctx - the command context
 * @param report - the counters
 * @returns nothing
 * @example
 * printReport(ctx, report);
 */
export function printReport(ctx: CommandContext, report: BatchReport): void {
  const n = (value: number) => value.toLocaleString('en-US');
  const human =
    `${report.interrupted ? 'stopped: ' : ''}${n(report.recordsIn)} records: ${n(report.recordsOut)} ok, ${n(report.recordsFailed)} failed` +
    (report.recordsSkipped > 0 ? `, ${n(report.recordsSkipped)} already done` : '') +
    `, ${report.chunks} chunk${report.chunks === 1 ? '' : 's'}, ${n(report.retries)} ${report.retries === 1 ? 'retry' : 'retries'} ` +
    `in ${(report.durationMs / 1000).toFixed(1)} s (${n(Math.round(report.recordsPerSecond))} records/s)` +
    (report.output ? ` → ${report.output}` : '') +
    (report.batchId ? ` [batch ${report.batchId}]` : '');
  const hint = report.resume ? `every result received is in ${report.output}; to continue: ${report.resume}` : undefined;
  if (report.output === null) {
    ctx.io.stderr.write(`${ctx.io.json ? JSON.stringify(report) : printable(human)}\n`);
    return;
  }
  printResult(ctx.io, report, human);
  if (hint) ctx.io.stderr.write(`${printable(hint)}\n`);
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
