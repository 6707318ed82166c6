/**
 * Frame lists of the capture path: a message assembled from several frames (fragments, TCP segments, WebSocket
 * frames, HEP over TCP) names each frame once, in ascending order. One helper, so every layer merges alike.
 */

/** The sorted union of two frame lists (or of a list and one frame). */
export function unionFrames(a: readonly number[], b: readonly number[] | number): number[] {
  const more = typeof b === "number" ? [b] : b;
  return [...new Set([...a, ...more])].sort((x, y) => x - y);
}

/** A direction-independent key for a flow between two endpoints: both directions of a 5-tuple share it. */
export function flowKey(ipA: string, portA: number, ipB: string, portB: number): string {
  const x = `${ipA}|${portA}`;
  const y = `${ipB}|${portB}`;
  return x < y ? `${x}|${y}` : `${y}|${x}`;
}
