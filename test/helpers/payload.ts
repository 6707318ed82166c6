/** Builds a SipPayload around raw message bytes, for parser-level tests. */
import type { SipPayload } from "../../src/model/trace-event.js";
import type { Transport } from "../../src/model/transport.js";
import { ArraySink } from "../../src/diagnostics/sink.js";
import { parseSipMessage } from "../../src/sip/parser.js";
import type { SipMessage } from "../../src/sip/message.js";

export function payloadOf(bytes: Buffer | string, transport: Transport = "udp"): SipPayload {
  return {
    kind: "sip",
    bytes: typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes,
    origin: { file: "test.txt", frame: 7, line: null, frames: [7] },
    timeUs: 1_700_000_000_000_000,
    timePrecision: "full",
    src: { ip: "192.0.2.1", port: 5060 },
    dst: { ip: "192.0.2.2", port: 5060 },
    transport,
    carrier: "plain",
    addressesInferred: false,
    direction: null,
    truncated: false,
  };
}

/** Joins lines with CRLF (the wire form); `\n` inside a line stays as written. */
export function crlf(...lines: string[]): string {
  return lines.join("\r\n");
}

export function parse(text: Buffer | string, transport: Transport = "udp"): { msg: SipMessage | null; sink: ArraySink; codes: string[] } {
  const sink = new ArraySink();
  const msg = parseSipMessage(payloadOf(text, transport), sink);
  return { msg, sink, codes: sink.items.map((d) => d.code) };
}

export function mustParse(text: string, transport: Transport = "udp"): { msg: SipMessage; codes: string[] } {
  const r = parse(text, transport);
  if (r.msg === null) throw new Error(`did not parse: ${r.sink.items.map((d) => d.message).join("; ")}`);
  return { msg: r.msg, codes: r.codes };
}
