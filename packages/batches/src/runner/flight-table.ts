import type { BatchStatus } from '../types.js';
import { utf8Length } from './utf8-length.js';
import { Wakeup } from './wakeup.js';

/** A chunk that was read from the input and has no result yet. */
export interface Flight {
  seq: number;
  /** Input index of its first record. */
  start: number;
  count: number;
  /** The chunk's `data` object, serialised once. */
  data: string;
  /** Current chunk id (changes only when a lost chunk is submitted again). */
  id: string;
  /** 0 for the first submission, n for the n-th re-submission. */
  submission: number;
  /** Failed attempts so far (push failures and re-submissions). */
  attempts: number;
  /** Push body bytes of the current submission. */
  bytes: number;
  /** Pull epoch at which the push was acknowledged; `undefined` while pushing. */
  ackedEpoch: number | undefined;
  /** When Spark acknowledged the push, or when its `chunkTimeout` clock last restarted (the poller saw results waiting). */
  ackedAt: number;
  /** Whether it was ever acknowledged (counted as submitted). */
  counted: boolean;
}

/** A push under way: its bytes, and how many pushed bytes Spark had acknowledged when it was sent. */
export interface PushTicket {
  bytes: number;
  mark: number;
}

/**
 * The chunks in flight and what the client knows of Spark's input buffer. The estimate of the
 * remaining buffer is a lower bound: the free bytes of Spark's last status minus every push
 * that status may not include. A status is a snapshot taken when Spark handled that request,
 * and answers can arrive out of order, so only pushes acknowledged before the request was
 * sent are surely in it (and a push's own answer includes that push).
 */
export class FlightTable {
  readonly chunks = new Map<number, Flight>();
  /** Pushes travelling. */
  pushing = 0;
  /** Estimated free bytes in Spark's input buffer (Infinity until Spark says). */
  remaining = Number.POSITIVE_INFINITY;
  /** Incremented before every pull; see `ackedEpoch`. */
  epoch = 0;
  /** Pushes acknowledged so far; `acked` is notified at each. */
  acks = 0;
  readonly acked = new Wakeup();
  /** Bytes of every push started, acknowledged, and failed, since the run began. */
  #startedBytes = 0;
  #acceptedBytes = 0;
  #failedBytes = 0;

  /** Bytes of the pushes travelling. */
  get pushingBytes(): number {
    return this.#startedBytes - this.#acceptedBytes - this.#failedBytes;
  }

  /** The push body of a flight's current submission. */
  static body(f: Flight): string {
    return `{"chunks":[{"id":${JSON.stringify(f.id)},"size":${f.count},"data":${f.data}}]}`;
  }

  add(seq: number, start: number, count: number, data: string, id: string): Flight {
    const flight: Flight = { seq, start, count, data, id, submission: 0, attempts: 0, bytes: 0, ackedEpoch: undefined, ackedAt: 0, counted: false };
    flight.bytes = utf8Length(FlightTable.body(flight));
    this.chunks.set(seq, flight);
    return flight;
  }

  /** Gives a flight a new id for its next submission (its earlier result is considered lost). */
  resubmit(f: Flight, id: string): void {
    f.submission++;
    f.id = id;
    f.ackedEpoch = undefined;
    f.bytes = utf8Length(FlightTable.body(f));
  }

  /** Chunks acknowledged by Spark and still without results. */
  get awaiting(): number {
    let n = 0;
    for (const f of this.chunks.values()) if (f.ackedEpoch !== undefined) n++;
    return n;
  }

  /** Whether `bytes` fit the buffer estimate; an empty pipeline always accepts one chunk. */
  fits(bytes: number, self: Flight): boolean {
    if (bytes <= this.remaining) return true;
    for (const f of this.chunks.values()) if (f !== self && (f.ackedEpoch !== undefined || this.pushing > 0)) return false;
    return true;
  }

  /** A push of `f` starts; pass the ticket to {@link release} and {@link observe}. */
  reserve(f: Flight): PushTicket {
    this.pushing++;
    this.remaining -= f.bytes;
    this.#startedBytes += f.bytes;
    return { bytes: f.bytes, mark: this.#acceptedBytes };
  }

  /** A push ended: answered (`accepted`) or failed. */
  release(ticket: PushTicket, accepted: boolean): void {
    this.pushing--;
    if (accepted) this.#acceptedBytes += ticket.bytes;
    else {
      this.#failedBytes += ticket.bytes;
      this.remaining += ticket.bytes;
    }
  }

  /** Call before sending a request whose answer carries a status (a pull, a status call). */
  mark(): number {
    return this.#acceptedBytes;
  }

  /**
   * Takes Spark's word for the free input buffer, less the pushes its snapshot may miss: all
   * not acknowledged when the request was sent (`mark`), except the push that answered (`own`).
   */
  observe(status: Partial<BatchStatus> | null | undefined, mark: number, own = 0): void {
    const free = status?.input_buffer_remaining_bytes;
    if (typeof free !== 'number' || !Number.isFinite(free)) return;
    // Accepted after `mark`, or still travelling: the snapshot may not hold them.
    const unsure = this.#acceptedBytes - mark + this.pushingBytes - own;
    this.remaining = free - unsure;
  }
}
