/**
 * The copies of each relayed event seen so far (one per hop), so an annotation can list the hops its response was
 * seen on and say which copy is the event's first. Only events seen on two or more hops take memory; bounded like
 * the message directory (oldest events dropped first; trackers decide within minutes of capture time).
 */
export class HopEvents {
  /** Event (its first copy's index) → every copy's index, capture order. */
  private readonly copies = new Map<number, number[]>();

  constructor(private readonly capacity = 100_000) {}

  /** Records message `index`, a copy of the event first seen as `sameEventAs` (null: a first copy). */
  add(index: number, sameEventAs: number | null): void {
    if (sameEventAs === null) return;
    let list = this.copies.get(sameEventAs);
    if (list === undefined) {
      list = [sameEventAs];
      this.copies.set(sameEventAs, list);
      if (this.copies.size > this.capacity) {
        const oldest = this.copies.keys().next();
        if (oldest.done !== true) this.copies.delete(oldest.value);
      }
    }
    list.push(index);
  }

  /** The copies of the event `index` belongs to, known so far (just `[index]` for an event seen on one hop). */
  hopsOf(index: number, sameEventAs: number | null): readonly number[] {
    return this.copies.get(sameEventAs ?? index) ?? [index];
  }
}
