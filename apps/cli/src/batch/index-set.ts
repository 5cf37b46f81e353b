/**
 * A set of record indexes as a growable bitmap: one bit per input record, so a ledger of
 * 10^6 answered records takes 125 KB.
 *
 * @example
 * const done = new IndexSet();
 * done.add(41);
 * done.has(41); // true
 */
export class IndexSet {
  #bits = new Uint8Array(1024);
  #size = 0;

  /** How many indexes are in the set. */
  get size(): number {
    return this.#size;
  }

  /** Adds an index; returns false when it was already there. */
  add(index: number): boolean {
    const byte = index >>> 3;
    if (byte >= this.#bits.length) {
      const grown = new Uint8Array(Math.max(byte + 1, this.#bits.length * 2));
      grown.set(this.#bits);
      this.#bits = grown;
    }
    const mask = 1 << (index & 7);
    if ((this.#bits[byte]! & mask) !== 0) return false;
    this.#bits[byte]! |= mask;
    this.#size++;
    return true;
  }

  /** Whether the index is in the set. */
  has(index: number): boolean {
    const byte = index >>> 3;
    return byte < this.#bits.length && (this.#bits[byte]! & (1 << (index & 7))) !== 0;
  }
}
