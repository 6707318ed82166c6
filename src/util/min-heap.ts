/** A binary min-heap of (time, value): deadlines that do not arrive in order (call release, registration expiry). */
export class MinHeap<V> {
  private readonly times: number[] = [];
  private readonly values: V[] = [];

  get size(): number {
    return this.times.length;
  }

  push(time: number, value: V): void {
    this.times.push(time);
    this.values.push(value);
    let i = this.times.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((this.times[p] ?? 0) <= (this.times[i] ?? 0)) break;
      this.swap(i, p);
      i = p;
    }
  }

  peekTime(): number | null {
    return this.times[0] ?? null;
  }

  pop(): V | undefined {
    const n = this.times.length;
    if (n === 0) return undefined;
    const top = this.values[0];
    this.swap(0, n - 1);
    this.times.pop();
    this.values.pop();
    let i = 0;
    const m = this.times.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let s = i;
      if (l < m && (this.times[l] ?? 0) < (this.times[s] ?? 0)) s = l;
      if (r < m && (this.times[r] ?? 0) < (this.times[s] ?? 0)) s = r;
      if (s === i) break;
      this.swap(i, s);
      i = s;
    }
    return top;
  }

  /** Values whose time is at or before `now`, earliest first. */
  popDue(now: number): V[] {
    const out: V[] = [];
    for (let t = this.peekTime(); t !== null && t <= now; t = this.peekTime()) {
      const v = this.pop();
      if (v !== undefined) out.push(v);
    }
    return out;
  }

  private swap(a: number, b: number): void {
    const t = this.times[a] ?? 0;
    this.times[a] = this.times[b] ?? 0;
    this.times[b] = t;
    const v = this.values[a] as V;
    this.values[a] = this.values[b] as V;
    this.values[b] = v;
  }
}
