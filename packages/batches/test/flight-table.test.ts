import { describe, expect, it } from 'vitest';
import { FlightTable, type Flight } from '../src/runner/flight-table.js';

/** A flight whose push body is `bytes` long. */
function flight(table: FlightTable, seq: number, bytes: number): Flight {
  const f = table.add(seq, seq * 10, 10, '{"inputs":[["x"]],"parameters":{}}', `c${seq}`);
  f.bytes = bytes;
  return f;
}

const status = (free: number) => ({ input_buffer_remaining_bytes: free });

describe('FlightTable: the input-buffer estimate never exceeds what Spark has free', () => {
  it('push answers arriving out of order (Spark took A, then B; B answers first)', () => {
    const t = new FlightTable();
    t.observe(status(1000), t.mark());
    const a = t.reserve(flight(t, 0, 300));
    const b = t.reserve(flight(t, 1, 300));
    expect(t.remaining).toBe(400);
    t.release(b, true);
    t.observe(status(400), b.mark, b.bytes); // B's snapshot has A and B
    expect(t.remaining).toBeLessThanOrEqual(400);
    t.release(a, true);
    t.observe(status(700), a.mark, a.bytes); // A's snapshot predates B: B must still count
    expect(t.remaining).toBe(400);
  });

  it('a pull answered before a travelling push landed, read after that push was acknowledged', () => {
    const t = new FlightTable();
    t.observe(status(1000), t.mark());
    const p = t.reserve(flight(t, 0, 300));
    const mark = t.mark(); // the pull is sent while the push travels
    t.release(p, true);
    t.observe(status(700), p.mark, p.bytes);
    expect(t.remaining).toBe(700);
    t.observe(status(1000), mark); // Spark answered the pull before the push arrived
    expect(t.remaining).toBe(700);
  });

  it('a status sent after an acknowledgement is taken as is (the push is surely in it)', () => {
    const t = new FlightTable();
    t.observe(status(1000), t.mark());
    const p = t.reserve(flight(t, 0, 300));
    t.release(p, true);
    t.observe(status(700), p.mark, p.bytes);
    t.observe(status(950), t.mark()); // Spark processed chunks meanwhile and freed buffer
    expect(t.remaining).toBe(950);
  });

  it('a failed push gives its bytes back and is not counted against later statuses', () => {
    const t = new FlightTable();
    t.observe(status(1000), t.mark());
    const mark = t.mark();
    const p = t.reserve(flight(t, 0, 300));
    expect(t.remaining).toBe(700);
    t.release(p, false);
    expect([t.remaining, t.pushing, t.pushingBytes]).toEqual([1000, 0, 0]);
    t.observe(status(1000), mark);
    expect(t.remaining).toBe(1000);
  });

  it('a status without the buffer field changes nothing; the estimate starts unknown', () => {
    const t = new FlightTable();
    expect(t.remaining).toBe(Number.POSITIVE_INFINITY);
    t.observe({}, t.mark());
    t.observe(null, t.mark());
    expect(t.remaining).toBe(Number.POSITIVE_INFINITY);
  });
});
