/**
 * Where a piece of data came from. Every message, event and diagnostic points back to its source,
 * as a capture frame (1-based, numbered as Wireshark numbers them) or a 1-based log line.
 */

export type SourceRef =
  | { readonly kind: "frame"; readonly file: string; readonly frame: number }
  | { readonly kind: "line"; readonly file: string; readonly line: number }
  | { readonly kind: "file"; readonly file: string };

/** A SIP message's origin: the frame that completed it (or the line where it starts) and every frame it was built from. */
export interface Origin {
  readonly file: string;
  /** 1-based frame that completed the message; null for text logs. */
  readonly frame: number | null;
  /** 1-based line where the message starts; null for captures. */
  readonly line: number | null;
  /** Every frame the message's bytes came from (TCP segments, IP fragments), ascending. */
  readonly frames: readonly number[];
}

export function frameRef(file: string, frame: number): SourceRef {
  return { kind: "frame", file, frame };
}

export function lineRef(file: string, line: number): SourceRef {
  return { kind: "line", file, line };
}

export function fileRef(file: string): SourceRef {
  return { kind: "file", file };
}

export function originRef(o: Origin): SourceRef {
  if (o.frame !== null) return frameRef(o.file, o.frame);
  if (o.line !== null) return lineRef(o.file, o.line);
  return fileRef(o.file);
}

export function formatSourceRef(r: SourceRef): string {
  switch (r.kind) {
    case "frame":
      return `${r.file} frame ${r.frame}`;
    case "line":
      return `${r.file} line ${r.line}`;
    case "file":
      return r.file;
  }
}
