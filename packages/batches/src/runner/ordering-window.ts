/**
 * Restores input order when asked to: results of chunk `seq` are released only after those of
 * every earlier chunk. Unordered, results pass straight through.
 */
export class OrderingWindow<T> {
  #next = 0;
  #held = 0;
  readonly #waiting = new Map<number, T[]>();

  constructor(readonly ordered: boolean) {}

  /** Position of the first chunk not yet released (ordered mode). */
  get nextSeq(): number {
    return this.#next;
  }

  /** Records held back waiting for earlier chunks. */
  get held(): number {
    return this.#held;
  }

  /** Adds chunk `seq`'s results; returns what can be released now, in order. */
  add(seq: number, items: T[]): T[][] {
    if (!this.ordered) return [items];
    if (seq !== this.#next) {
      this.#waiting.set(seq, items);
      this.#held += items.length;
      return [];
    }
    const out = [items];
    this.#next++;
    for (let ready = this.#waiting.get(this.#next); ready; ready = this.#waiting.get(this.#next)) {
      this.#waiting.delete(this.#next);
      this.#held -= ready.length;
      out.push(ready);
      this.#next++;
    }
    return out;
  }
}
