/**
 * The skeleton every tracker shares: the responses it still owes a finding, each with a deadline in capture time.
 * Deadlines move (a NOTIFY came, a retry is under way), are popped once they have passed, and a finding is decided
 * exactly once (the analyzer counts on "exactly one finding per claimed response").
 */
import { MinHeap } from "../util/min-heap.js";

/** What the skeleton needs of a tracker's pending record. */
export interface Owed {
  /** When capture time decides this finding if nothing else does first. */
  deadlineUs: number;
  decided: boolean;
}

export class OwedFindings<P extends Owed> {
  private readonly open = new Set<P>();
  private readonly heap = new MinHeap<P>();

  get size(): number {
    return this.open.size;
  }

  /** Starts owing `p`, to be looked at again at its deadline. */
  add(p: P): void {
    this.open.add(p);
    this.heap.push(p.deadlineUs, p);
  }

  /** Moves the deadline; the old heap entry is dropped lazily when it pops. */
  moveDeadline(p: P, atUs: number): void {
    if (atUs === p.deadlineUs) return;
    p.deadlineUs = atUs;
    this.heap.push(atUs, p);
  }

  /** Asks to be woken at `atUs` without moving the deadline (a second clock, e.g. a retry's own timeout). */
  wakeAt(p: P, atUs: number): void {
    this.heap.push(atUs, p);
  }

  /**
   * Undecided records whose deadline passed strictly before `nowUs` (a message at exactly the deadline still
   * counts), earliest first; each at most once per call.
   */
  popDue(nowUs: number): P[] {
    const out = new Set<P>();
    for (const p of this.heap.popDue(nowUs - 1)) if (!p.decided && p.deadlineUs < nowUs) out.add(p);
    return [...out];
  }

  /** Records whose wake-up time (deadline or `wakeAt`) passed strictly before `nowUs`, undecided, each once. */
  popWoken(nowUs: number): P[] {
    const out = new Set<P>();
    for (const p of this.heap.popDue(nowUs - 1)) if (!p.decided) out.add(p);
    return [...out];
  }

  /** Marks `p` decided; false if it already was (the caller then emits nothing). */
  decideOnce(p: P): boolean {
    if (p.decided) return false;
    p.decided = true;
    this.open.delete(p);
    return true;
  }

  /** True if some undecided record satisfies `test` (the tracker's `holds(callId)`). */
  holds(test: (p: P) => boolean): boolean {
    for (const p of this.open) if (test(p)) return true;
    return false;
  }

  /** The undecided records without copying (a Set iterator: a record decided meanwhile is skipped, not revisited). */
  [Symbol.iterator](): IterableIterator<P> {
    return this.open.values();
  }

  /** The undecided records, in the order they were added (a copy: deciding them while iterating is safe). */
  values(): P[] {
    return [...this.open];
  }
}
