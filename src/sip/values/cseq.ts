/** CSeq (RFC 3261 §20.16): a 32-bit sequence number and the method. */
export interface CSeq {
  readonly seq: number;
  readonly method: string;
}

export type CSeqParse = { readonly ok: true; readonly value: CSeq } | { readonly ok: false; readonly error: string };

export function parseCSeq(text: string): CSeqParse {
  const m = /^\s*(\d{1,10})\s+([A-Za-z0-9.!%*_+`'~-]+)\s*$/.exec(text);
  if (m === null) return { ok: false, error: `not "<number> <method>": ${JSON.stringify(text.slice(0, 60))}` };
  const seq = Number(m[1]);
  // RFC 3261 §8.1.1.5: the sequence number MUST be expressible as a 32-bit unsigned integer.
  if (seq > 0xffffffff) return { ok: false, error: `sequence number ${m[1] ?? ""} exceeds 2^32-1` };
  return { ok: true, value: { seq, method: m[2] ?? "" } };
}
