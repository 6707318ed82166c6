/**
 * "seen on N hops": how the views say that an annotated response was relayed by a proxy and is on the wire once per
 * hop (the annotation's \`hops\`, docs/trackers.md "Hops"). One wording for the text report and the ladders.
 */
import type { AnnotationRecord } from "../model/document.js";

/** `; seen on 2 hops` (ASCII, for --ascii ladders too) for a response seen on several hops, else "". */
export function hopNote(a: AnnotationRecord): string {
  const hops = a.hops ?? [a.message];
  if (hops.length < 2) return "";
  return `; seen on ${hops.length} hops`;
}
