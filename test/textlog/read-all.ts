/** Test helper: runs the text-log reader over bytes fed in chunks of a given size and collects everything. */
import type { TextLogOptions } from "../../src/textlog/index.js";
import { readTextLogEvents } from "../../src/textlog/index.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { ArraySink } from "../../src/diagnostics/sink.js";
import type { SipPayload } from "../../src/model/trace-event.js";

export interface ReadResult {
  readonly messages: SipPayload[];
  readonly diagnostics: Diagnostic[];
}

export async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield await Promise.resolve(bytes.subarray(i, i + size));
}

export async function readAll(bytes: Buffer, opts: Partial<TextLogOptions> = {}, chunkSize = 1 << 20): Promise<ReadResult> {
  const sink = new ArraySink();
  const messages: SipPayload[] = [];
  for await (const m of readTextLogEvents(chunked(bytes, chunkSize), { file: "test.log", ...opts }, sink)) messages.push(m);
  return { messages, diagnostics: sink.items };
}

export function text(m: SipPayload | undefined): string {
  return m === undefined ? "" : m.bytes.toString("latin1");
}

export function firstLine(m: SipPayload | undefined): string {
  return text(m).split("\r\n")[0] ?? "";
}

export function codes(r: ReadResult): string[] {
  return r.diagnostics.map((d) => d.code);
}
