/**
 * Merges the event streams of several files into capture-time order: a k-way merge over per-source look-ahead
 * windows. Each source is nearly ordered already (events follow the frames that complete them); the window of
 * `lookAhead` events per source absorbs the small disorder TCP reassembly introduces. Memory: k × lookAhead events.
 * Ties keep source order (the first file first), then arrival order.
 */
import type { TraceEvent } from "../model/trace-event.js";

export interface MergeOptions {
  /** Events buffered per source to reorder slightly late ones (default 64). */
  readonly lookAhead?: number;
}

interface Source {
  readonly it: AsyncIterator<TraceEvent>;
  readonly window: TraceEvent[];
  done: boolean;
}

function insertByTime(window: TraceEvent[], e: TraceEvent): void {
  let i = window.length;
  while (i > 0 && (window[i - 1]?.timeUs ?? 0) > e.timeUs) i--;
  window.splice(i, 0, e);
}

async function fill(s: Source, size: number): Promise<void> {
  while (!s.done && s.window.length < size) {
    const r = await s.it.next();
    if (r.done === true) s.done = true;
    else insertByTime(s.window, r.value);
  }
}

export async function* mergeByTime(sources: readonly AsyncIterable<TraceEvent>[], options: MergeOptions = {}): AsyncGenerator<TraceEvent, void, undefined> {
  const size = Math.max(1, options.lookAhead ?? 64);
  const srcs: Source[] = sources.map((s) => ({ it: s[Symbol.asyncIterator](), window: [], done: false }));
  try {
    await Promise.all(srcs.map((s) => fill(s, size)));
    for (;;) {
      let best: Source | null = null;
      let bestTime = Infinity;
      for (const s of srcs) {
        const head = s.window[0];
        if (head !== undefined && head.timeUs < bestTime) {
          best = s;
          bestTime = head.timeUs;
        }
      }
      if (best === null) return;
      const e = best.window.shift();
      if (e !== undefined) yield e;
      if (best.window.length < size) await fill(best, size);
    }
  } finally {
    await Promise.all(
      srcs
        .filter((s) => !s.done)
        .map(async (s) => {
          await s.it.return?.(undefined);
        }),
    );
  }
}
