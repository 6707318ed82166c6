/** Shared assertions: what may never appear in terminal output produced from hostile captures. */

/** C0 (except LF), DEL, C1, bidi controls, U+2028/2029, BOM: none may reach a terminal raw. */
const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

/** Removes the SGR colour codes the renderer itself emits (ESC [ digits ; m). */
export function stripSgr(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}

/** The first unsafe character left in `text` after our own colour codes are removed, or null. */
export function findRawUnsafe(text: string): string | null {
  const m = RAW_UNSAFE.exec(stripSgr(text));
  return m === null ? null : `U+${(m[0].codePointAt(0) ?? 0).toString(16).padStart(4, "0")} at ${m.index}`;
}

/** Every ESC in `text` starts an SGR sequence (no cursor moves, no OSC titles, no screen clears). */
export function onlySgrEscapes(text: string): boolean {
  return [...text.matchAll(/\u001b/g)].every((m) => /^\u001b\[[0-9;]*m/.test(text.slice(m.index)));
}
