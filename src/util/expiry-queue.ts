/**
 * A FIFO of deadlines in capture time. Every producer pushes `now + a fixed delay`, and capture time only moves
 * forward, so deadlines come out in order without a heap. Entries are checked lazily: the owner decides on pop
 * whether the deadline still holds (state may have been refreshed since), which keeps push and pop O(1).
 */
export class ExpiryQueue<K> {
  private keys: K[] = [];
  private times: number[] = [];
  private head = 0;

  push(atUs: number, key: K): void {
    this.keys.push(key);
    this.times.push(atUs);
  }

  /** Removes and returns every key whose deadline is at or before `nowUs`, oldest first. */
  popDue(nowUs: number): K[] {
    const out: K[] = [];
    while (this.head < this.keys.length) {
      const t = this.times[this.head];
      if (t === undefined || t > nowUs) break;
      const k = this.keys[this.head];
      if (k !== undefined) out.push(k);
      this.head++;
    }
    this.compact();
    return out;
  }

  /** Every key still queued, oldest first (used at the end of the trace). */
  drain(): K[] {
    const out = this.keys.slice(this.head);
    this.keys = [];
    this.times = [];
    this.head = 0;
    return out;
  }

  get size(): number {
    return this.keys.length - this.head;
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.keys.length) {
      this.keys = this.keys.slice(this.head);
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }
}
