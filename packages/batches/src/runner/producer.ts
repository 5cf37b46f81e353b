import type { ChunkSummary } from '../types.js';
import { chunkDataJson, chunkDataTail } from './chunk-data.js';
import type { FlightTable } from './flight-table.js';
import type { Pusher } from './pusher.js';
import type { RecordSource, SourceChunk } from './record-source.js';
import type { ChunkIds } from './run-chunk-ids.js';
import type { RunContext } from './run-context.js';

/** What the producer needs beyond the run context. */
export interface ProducerParts {
  source: RecordSource;
  /** A chunk already read (to learn whether the input was empty before creating the pipeline). */
  first: SourceChunk | undefined;
  flights: FlightTable;
  pusher: Pusher;
  ids: ChunkIds;
  maxChunksInFlight: number;
  pushConcurrency: number;
  parameters: Record<string, unknown> | undefined;
  summary: ChunkSummary | undefined;
}

/** Safety net: re-check waiting conditions at least this often (ms). */
const RECHECK_MS = 500;

/**
 * Reads the input chunk by chunk and hands chunks to the pusher, but only while fewer than
 * `maxChunksInFlight` chunks are out, the ordering window allows the next one, a push slot is
 * free and Spark's input buffer (as last reported) has room. Input is read only when it can be
 * sent, so a slow consumer — which stops the poller, which fills Spark's buffers — slows reading.
 */
export async function produce(ctx: RunContext<unknown>, parts: ProducerParts): Promise<void> {
  const { source, flights, pusher, ids, maxChunksInFlight, pushConcurrency } = parts;
  const { chunkSize } = ctx.settings;
  const signal = ctx.signal;
  // `parameters` and `summary` are the same for every chunk: serialised once.
  const tail = chunkDataTail(parts.parameters, parts.summary);
  let pending = parts.first;
  let seq = pending?.seq ?? 0;
  for (;;) {
    await ctx.changed.until(() => flights.chunks.size < maxChunksInFlight && ctx.windowAllows(seq), signal, RECHECK_MS);
    const chunk = pending ?? (await source.next(chunkSize, signal));
    pending = undefined;
    if (!chunk || signal.aborted) return;
    seq = chunk.seq + 1;
    ctx.progress.recordsRead = source.recordsRead;
    const data = chunkDataJson(chunk.records, chunk.headers, tail, 'batches.run');
    const flight = flights.add(chunk.seq, chunk.start, chunk.records.length, data, ids.id(chunk.seq));
    ctx.progress.chunksInFlight = flights.chunks.size;
    await ctx.changed.until(() => flights.pushing < pushConcurrency && flights.fits(flight.bytes, flight), signal, RECHECK_MS);
    pusher.start(flight);
  }
}
