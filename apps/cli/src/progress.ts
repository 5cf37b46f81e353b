/** What the progress display shows. */
export interface ProgressState {
  /** Records with a result (outputs or error), earlier runs' included when resuming. */
  completed: number;
  failed: number;
  /** Records read from the input so far. */
  read: number;
  /** All records, when known. */
  total?: number;
  /** Records per second in this run. */
  recordsPerSecond: number;
  /** Chunk attempts repeated. */
  retries?: number;
}

/** A progress display on stderr. */
export interface ProgressReporter {
  update(state: ProgressState): void;
  /** Draws the final state and ends the line (TTY). */
  finish(): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** A live bar redrawn in place (stderr is a terminal) or plain periodic lines. */
  tty: boolean;
  /** Terminal width, read at every redraw so a resized terminal is followed (default 80). */
  columns?: () => number | undefined;
  /** Least time between two plain lines (default 2,000 ms) or two redraws (100 ms on a TTY). */
  interval?: number;
  now?: () => number;
}

/**
 * A progress display: a bar redrawn in place on a terminal (as wide as the terminal is now),
 * else one plain line every few seconds (logs of CI jobs stay readable).
 *
 * @param write - where to write (stderr)
 * @param options - `tty`, `columns`, `interval`
 * @returns the reporter; call `redraw` on a terminal resize
 * @example
 * const progress = createProgress((s) => process.stderr.write(s), { tty: process.stderr.isTTY === true });
 * progress.update({ completed: 10, failed: 0, read: 200, total: 1000, recordsPerSecond: 50 });
 */
export function createProgress(write: (text: string) => void, options: ProgressOptions): ProgressReporter & { redraw(): void } {
  const now = options.now ?? Date.now;
  const interval = options.interval ?? (options.tty ? 100 : 2_000);
  // Plain lines start after one interval: a short run prints none, a long one a line every few seconds.
  let last = options.tty ? Number.NEGATIVE_INFINITY : now();
  let state: ProgressState | undefined;
  let drawn = false;
  const draw = () => {
    if (!state) return;
    if (options.tty) {
      write(`\r\x1b[2K${barLine(state, options.columns?.() || 80)}`);
      drawn = true;
    } else {
      write(`${plainLine(state)}\n`);
    }
  };
  return {
    update(next) {
      state = next;
      const t = now();
      if (t - last < interval) return;
      last = t;
      draw();
    },
    redraw() {
      if (options.tty && drawn) draw();
    },
    finish() {
      if (options.tty) {
        draw();
        if (drawn) write('\n');
      } else if (state && now() - last >= interval) {
        draw();
      }
    },
  };
}

/**
 * One line of the live bar, e.g. `[██████░░░░] 60% 600/1,000 · 850 rec/s · ETA 0:01 · 2 failed · 1 retry`.
 *
 * @param state - the counters
 * @param columns - terminal width
 * @returns the line, without newline
 * @example
 * barLine({ completed: 5, failed: 0, read: 10, total: 10, recordsPerSecond: 5 }, 80);
 */
export function barLine(state: ProgressState, columns: number): string {
  const tail = details(state, ' · ');
  if (state.total === undefined || state.total === 0) return tail.slice(0, Math.max(columns - 1, 10));
  const ratio = Math.min(1, state.completed / state.total);
  const pct = `${String(Math.floor(ratio * 100)).padStart(3)}%`;
  const width = Math.max(10, Math.min(40, columns - tail.length - pct.length - 5));
  const full = Math.round(ratio * width);
  return `[${'█'.repeat(full)}${'░'.repeat(width - full)}] ${pct} ${tail}`.slice(0, Math.max(columns - 1, 20));
}

/**
 * One plain progress line for logs, e.g. `progress: 600/1,000 records, 850 rec/s, ETA 0:01, 2 failed, 0 retries`.
 *
 * @param state - the counters
 * @returns the line, without newline
 * @example
 * plainLine({ completed: 5, failed: 0, read: 10, recordsPerSecond: 5 });
 */
export function plainLine(state: ProgressState): string {
  return `progress: ${details(state, ', ')}`;
}

function details(state: ProgressState, sep: string): string {
  const of = state.total !== undefined ? `/${fmt(state.total)}` : ` (${fmt(state.read)} read)`;
  const parts = [`${fmt(state.completed)}${of} records`, `${fmt(Math.round(state.recordsPerSecond))} rec/s`];
  const eta = etaText(state);
  if (eta !== undefined) parts.push(`ETA ${eta}`);
  parts.push(`${fmt(state.failed)} failed`);
  if (state.retries !== undefined) parts.push(`${fmt(state.retries)} ${state.retries === 1 ? 'retry' : 'retries'}`);
  return parts.join(sep);
}

/**
 * The time left at the current rate, as `m:ss` or `h:mm:ss`; `undefined` when the total or
 * the rate is unknown.
 *
 * @param state - the counters
 * @returns the text, or `undefined`
 * @example
 * etaText({ completed: 100, failed: 0, read: 100, total: 700, recordsPerSecond: 10 }); // '1:00'
 */
export function etaText(state: ProgressState): string | undefined {
  if (state.total === undefined || state.recordsPerSecond <= 0) return undefined;
  const seconds = Math.max(0, Math.ceil((state.total - state.completed) / state.recordsPerSecond));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
