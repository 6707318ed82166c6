/**
 * The truncation oracle shared by the truncation suite and its long-run script: reads a capture cut at `cut`
 * through the library's public reader (readTraceEvents, the path every command takes) and checks it against the
 * uncut file: no exception escapes; every message wholly before the cut is still reported; a cut inside a record
 * is named by exactly ONE truncation diagnostic (none on a record boundary); the exit code is the documented one
 * (3 only when nothing could be read, cli/input-verdict.ts).
 */
import { writeFileSync } from "node:fs";
import { ArraySink, parseEvents, readTraceEvents } from "../../src/index.js";
import { unreadInputs } from "../../src/cli/input-verdict.js";
import { captureLayout, type CaptureLayout } from "./capture-layout.js";

/** Codes that say "the file ends early". */
export const TRUNCATION_CODES: ReadonlySet<string> = new Set(["pcap.truncated_record", "pcapng.truncated_block", "pcap.bad_header", "pcapng.bad_header", "input.unrecognized_format"]);
/** gzip reports its own cut (the compressed stream) beside the capture's (the inflated one): two facts. */
const GZIP_DAMAGE = "pipeline.input_damaged";

export interface ReadResult {
  /** `frame|start line` of every message, in order. */
  readonly messages: string[];
  readonly frames: number[];
  readonly codes: string[];
  readonly exitCode: 0 | 3;
}

export async function readCut(path: string): Promise<ReadResult> {
  const sink = new ArraySink();
  const info = { format: "unknown", bytes: 0 };
  const messages: string[] = [];
  const frames: number[] = [];
  for await (const item of parseEvents(readTraceEvents(path, {}, sink, info), sink)) {
    if (item.kind !== "message") continue;
    const frame = item.msg.payload.origin.frame ?? 0;
    frames.push(frame);
    messages.push(`${frame}|${item.msg.payload.bytes.subarray(0, 200).toString("latin1").split("\r\n", 1)[0] ?? ""}`);
  }
  const diagnostics = sink.items.map((d) => ({ code: d.code, file: d.at.file, message: d.message }));
  const unread = unreadInputs([{ path, format: info.format, messages: messages.length, bytes: info.bytes }], diagnostics);
  return { messages, frames, codes: sink.items.map((d) => d.code), exitCode: unread.length > 0 ? 3 : 0 };
}

export interface CutCheck {
  readonly cut: number;
  readonly problem: string | null;
}

/** Checks one cut of `bytes` (the whole file, whose uncut reading is `full`), written to `tmpPath`. */
export async function checkCut(bytes: Buffer, full: ReadResult, layout: CaptureLayout | null, gzip: boolean, cut: number, tmpPath: string): Promise<CutCheck> {
  writeFileSync(tmpPath, bytes.subarray(0, cut));
  let got: ReadResult;
  try {
    got = await readCut(tmpPath);
  } catch (e) {
    return { cut, problem: `exception escaped: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` };
  }
  const truncations = got.codes.filter((c) => TRUNCATION_CODES.has(c)).length;
  if (gzip && cut > 0 && cut < 2) {
    // One byte of the gzip magic: not yet gzip, a cut magic number.
    return truncations === 1 ? { cut, problem: null } : { cut, problem: `cut inside the gzip magic: expected ONE truncation diagnostic, got [${got.codes.join(",")}]` };
  }
  if (gzip) {
    if (cut > 0 && got.codes.filter((c) => c === GZIP_DAMAGE).length !== 1) return { cut, problem: `gzip cut: expected one ${GZIP_DAMAGE}, got ${got.codes.join(",")}` };
    if (truncations > 1) return { cut, problem: `more than one truncation diagnostic: ${got.codes.join(",")}` };
    return { cut, problem: null };
  }
  if (layout === null) return { cut, problem: null };
  if (cut <= layout.wellFormedTo) {
    const onBoundary = cut === 0 || layout.boundaries.has(cut);
    if (!onBoundary && truncations !== 1) return { cut, problem: `cut inside a record: expected ONE truncation diagnostic, got [${got.codes.join(",")}]` };
    if (onBoundary && truncations !== 0) return { cut, problem: `cut on a record boundary: expected no truncation diagnostic, got [${got.codes.join(",")}]` };
    const wantExit = cut < layout.headerEnd ? 3 : 0;
    if (got.exitCode !== wantExit) return { cut, problem: `exit code ${got.exitCode}, documented ${wantExit}` };
  }
  const have = new Map<string, number>();
  for (const m of got.messages) have.set(m, (have.get(m) ?? 0) + 1);
  for (const m of full.messages) {
    const frame = Number(m.slice(0, m.indexOf("|")));
    const end = layout.frameEnd.get(frame);
    if (end === undefined || end > cut) continue;
    const n = have.get(m) ?? 0;
    if (n === 0) return { cut, problem: `message wholly before the cut is lost: ${m}` };
    have.set(m, n - 1);
  }
  return { cut, problem: null };
}

/** Cut offsets: every offset of the first `dense` bytes, every `step`th to 4 KiB, and `sampled` spread beyond. */
export function cutOffsets(length: number, dense: number, step: number, sampled: number): number[] {
  const cuts = new Set<number>();
  for (let c = 0; c <= Math.min(length, dense); c++) cuts.add(c);
  for (let c = dense; c <= Math.min(length, 4096); c += step) cuts.add(c);
  if (length > 4096) for (let i = 1; i <= sampled; i++) cuts.add(4096 + Math.floor(((length - 4096) * i) / (sampled + 1)));
  cuts.add(length - 1);
  return [...cuts].filter((c) => c >= 0 && c < length).sort((a, b) => a - b);
}

export { captureLayout };
