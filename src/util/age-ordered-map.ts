/**
 * A Map that also knows the age order of its entries (insertion, or the last `touch`), with O(1) amortised
 * `oldest()`, `delete` and `touch`. Tables that evict their oldest entry at a cap (TCP connections, IP and SCTP
 * fragments) need this: a plain Map iterated from the front after many deletions walks the holes V8 leaves until
 * it rehashes, so "delete the first entry" became O(n) (measured: 200,000 incomplete IP fragments took 24 s, 150,000
 * TCP connections did not finish in 15 min). Stale queue slots are skipped lazily and compacted away once they
 * outnumber the live entries, so memory stays proportional to the live entries.
 */

interface Slot<V> {
  value: V;
  seq: number;
}

export class AgeOrderedMap<K, V> {
  private readonly map = new Map<K, Slot<V>>();
  private queue: { readonly key: K; readonly seq: number }[] = [];
  private head = 0;
  private seq = 0;

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    return this.map.get(key)?.value;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** Inserts (youngest) or replaces the value (and makes it the youngest). */
  set(key: K, value: V): void {
    const s = this.map.get(key);
    const seq = ++this.seq;
    if (s === undefined) this.map.set(key, { value, seq });
    else {
      s.value = value;
      s.seq = seq;
    }
    this.push(key, seq);
  }

  /** Makes an existing entry the youngest; no-op for an absent key. */
  touch(key: K): void {
    const s = this.map.get(key);
    if (s === undefined) return;
    s.seq = ++this.seq;
    this.push(key, s.seq);
  }

  delete(key: K): boolean {
    return this.map.delete(key);
  }

  /** The oldest entry, or undefined when empty. */
  oldest(): [K, V] | undefined {
    while (this.head < this.queue.length) {
      const q = this.queue[this.head];
      if (q === undefined) break;
      const s = this.map.get(q.key);
      if (s?.seq === q.seq) return [q.key, s.value];
      this.head++;
    }
    return undefined;
  }

  /** Live values, in no particular order. */
  values(): IterableIterator<V> {
    const it = this.map.values();
    return (function* () {
      for (const s of it) yield s.value;
    })();
  }

  /** Live entries, in no particular order. */
  *entries(): IterableIterator<[K, V]> {
    for (const [k, s] of this.map) yield [k, s.value];
  }

  clear(): void {
    this.map.clear();
    this.queue = [];
    this.head = 0;
  }

  private push(key: K, seq: number): void {
    this.queue.push({ key, seq });
    if (this.queue.length - this.head > 2 * this.map.size + 1024 || (this.head > 4096 && this.head * 2 > this.queue.length)) this.compact();
  }

  /** Drops stale slots (deleted or touched since): O(queue), paid for by the pushes that made them. */
  private compact(): void {
    const live: { readonly key: K; readonly seq: number }[] = [];
    for (let i = this.head; i < this.queue.length; i++) {
      const q = this.queue[i];
      if (q !== undefined && this.map.get(q.key)?.seq === q.seq) live.push(q);
    }
    this.queue = live;
    this.head = 0;
  }
}
