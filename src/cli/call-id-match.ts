/**
 * Finding a call by a piece of its Call-ID, as sngrep's filter and sipgrep do: the exact ID, else every ID that
 * starts with the fragment, else every ID that contains it. A fragment copied from a cut table cell
 * ("22d77d749f704c…") loses its ellipsis first. When nothing matches, the nearest IDs are offered.
 */
import { UsageError } from "../diagnostics/errors.js";
import { escapeVisible } from "../render/escape-visible.js";

/** The fragment without a trailing "…" or "..." left by a cut cell, and without surrounding blanks. */
export function cleanFragment(fragment: string): string {
  return fragment.trim().replace(/(?:…|\.\.\.)$/u, "");
}

/** True when `id` is matched by `fragment` in the loose sense used while streaming (no uniqueness known). */
export function callIdContains(id: string, fragment: string): boolean {
  const f = cleanFragment(fragment);
  return f.length > 0 && id.includes(f);
}

/** Every ID the fragment designates: [exact] when one is exact, else the prefix matches, else the substring ones. */
export function matchCallIds(ids: readonly string[], fragment: string): string[] {
  const f = cleanFragment(fragment);
  if (f.length === 0) return [];
  if (ids.includes(f)) return [f];
  const prefixed = ids.filter((id) => id.startsWith(f));
  if (prefixed.length > 0) return prefixed;
  return ids.filter((id) => id.includes(f));
}

/** Length of the longest common substring: how much of the fragment an ID shares. */
function sharedLength(a: string, b: string): number {
  let best = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        const v = (prev[j - 1] ?? 0) + 1;
        cur[j] = v;
        if (v > best) best = v;
      }
    }
    prev = cur;
  }
  return best;
}

/** Up to `n` IDs sharing the longest run of characters with the fragment (case-insensitive), best first. */
export function nearestCallIds(ids: readonly string[], fragment: string, n = 5): string[] {
  const f = cleanFragment(fragment).toLowerCase();
  return ids
    .map((id, i) => ({ id, i, score: sharedLength(id.toLowerCase(), f) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, n)
    .map((x) => x.id);
}

function listIds(ids: readonly string[], max = 8): string {
  const shown = ids.slice(0, max).map((id) => `  ${escapeVisible(id)}`);
  if (ids.length > max) shown.push(`  … and ${ids.length - max} more`);
  return shown.join("\n");
}

/** The IDs of every fragment (several may match one fragment); a fragment matching nothing is a UsageError. */
export function resolveCallIdFragments(ids: readonly string[], fragments: readonly string[]): string[] {
  const out = new Set<string>();
  for (const fr of fragments) {
    const found = matchCallIds(ids, fr);
    if (found.length === 0) throw noMatch(ids, fr);
    for (const id of found) out.add(id);
  }
  return [...out];
}

/** The one ID a fragment designates; none or several is a UsageError listing the candidates. */
export function resolveOneCallId(ids: readonly string[], fragment: string): string {
  const found = matchCallIds(ids, fragment);
  if (found.length === 1 && found[0] !== undefined) return found[0];
  if (found.length === 0) throw noMatch(ids, fragment);
  throw new UsageError(`--call-id ${JSON.stringify(escapeVisible(fragment))} matches ${found.length} calls; give more of the ID:\n${listIds(found)}`);
}

function noMatch(ids: readonly string[], fragment: string): UsageError {
  const near = nearestCallIds(ids, fragment);
  const tail = near.length === 0 ? ` (the trace has ${ids.length} call(s); see \`sipta calls\`)` : `; nearest:\n${listIds(near)}`;
  return new UsageError(`no Call-ID contains ${JSON.stringify(escapeVisible(cleanFragment(fragment)))}${tail}`);
}
