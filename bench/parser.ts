/**
 * Parser throughput: sipta's fast path (start line + framing/correlation fields), sipta with every header
 * materialised into typed values, and jssip's Parser.parseMessage on the same messages. One core, warm JIT.
 */
import { createRequire } from "node:module";
import { ArraySink } from "../src/diagnostics/sink.js";
import type { SipPayload } from "../src/model/trace-event.js";
import { parseSipMessage } from "../src/sip/parser.js";
import { sampleMessages } from "./sample-messages.js";

const require = createRequire(import.meta.url);

function payloads(texts: string[]): SipPayload[] {
  return texts.map((t, i) => ({
    kind: "sip",
    bytes: Buffer.from(t, "utf8"),
    origin: { file: "bench", frame: i + 1, line: null, frames: [i + 1] },
    timeUs: i,
    timePrecision: "full",
    src: null,
    dst: null,
    transport: "udp",
    carrier: "plain",
    addressesInferred: false,
    direction: null,
    truncated: false,
  }));
}

function rate(label: string, n: number, fn: (i: number) => number, minMs = 1500): number {
  for (let i = 0; i < Math.min(n, 20_000); i++) fn(i); // warm-up
  let done = 0;
  let sink = 0;
  const start = process.hrtime.bigint();
  let elapsedMs = 0;
  while (elapsedMs < minMs) {
    for (let i = 0; i < n; i++) sink += fn(i);
    done += n;
    elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
  }
  const perSec = (done / elapsedMs) * 1000;
  console.log(`${label.padEnd(58)} ${Math.round(perSec).toLocaleString("en-US").padStart(12)} msg/s  (${done.toLocaleString("en-US")} messages, checksum ${sink})`);
  return perSec;
}

export function benchParser(): void {
  const texts = sampleMessages(4000);
  const ps = payloads(texts);
  const bytes = ps.reduce((a, p) => a + p.bytes.length, 0);
  console.log(`\n== SIP parser (${ps.length} distinct messages, ${Math.round(bytes / ps.length)} bytes on average)`);
  const sink = new ArraySink();
  const fast = rate("sipta fast path (start line, Call-ID, CSeq, tags, branch, CL)", ps.length, (i) => {
    const m = parseSipMessage(ps[i]!, sink);
    return m?.cseq?.seq ?? 0;
  });
  const full = rate("sipta, every header materialised into typed values", ps.length, (i) => {
    const m = parseSipMessage(ps[i]!, sink);
    return m === null ? 0 : m.materializeAll();
  });
  const jssipParser = require("jssip/lib/Parser") as { parseMessage(data: string, ua: unknown): unknown };
  const jssip = rate("jssip Parser.parseMessage", texts.length, (i) => (jssipParser.parseMessage(texts[i]!, undefined) === undefined ? 0 : 1), 1000);
  console.log(`fast path is ${(fast / jssip).toFixed(0)}x jssip; full materialisation is ${(full / jssip).toFixed(0)}x jssip`);
  console.log(`targets: fast >= 1,000,000 msg/s (${fast >= 1e6 ? "met" : "NOT met"}); full >= 300,000 msg/s (${full >= 3e5 ? "met" : "NOT met"})`);
  if (sink.items.length > 0) console.log(`(parser diagnostics during bench: ${sink.items.length})`);
}
