/**
 * The fuzz targets: each takes mutated bytes and runs one reader or decoder of sipta in-process, with the oracle
 * every input must pass: no exception escapes, and whatever comes out can be rendered (a message record, its
 * ISO time and its JSON), since a record that cannot be rendered crashes the CLI later (issue 15: a pcapng
 * timestamp beyond a Date's range reached toISOString). Seeds are the repo's fixtures and capture-writer output.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { ArraySink } from "../../src/diagnostics/sink.js";
import { decodeHep2, decodeHep3 } from "../../src/decode/hep.js";
import { parseHttpUpgradeHead, parseWebSocketFrameHeader, unmaskPayload } from "../../src/decode/websocket.js";
import { toMessageRecord } from "../../src/pipeline/message-record.js";
import { ParseStage } from "../../src/pipeline/parse-stage.js";
import type { TraceEvent } from "../../src/model/trace-event.js";
import { orderRecord, stringifyJson } from "../../src/render/json-text.js";
import { toDiagnosticRecord } from "../../src/pipeline/analyze.js";
import { parseSipMessage } from "../../src/sip/parser.js";
import { TEXT_LOG_FORMATS, readTextLogEvents, type TextLogFormat } from "../../src/textlog/index.js";
import { captureEventsOf } from "../helpers/capture-events.js";
import { buildHep2, buildHep3, buildWebSocketFrame } from "../helpers/capture-writer.js";
import { payloadOf } from "../helpers/payload.js";

const ROOT = resolve(import.meta.dirname, "../..");

export interface FuzzTarget {
  readonly name: string;
  readonly shape: "capture" | "text" | "bytes";
  readonly seeds: readonly Buffer[];
  /** Share of the cases (the cheap decoders run many more than whole captures). */
  readonly weight: number;
  /** Resolves when the input was handled; rejects (or throws) on a crash. */
  run(bytes: Buffer, chunk: number): Promise<void> | void;
}

function files(dir: string, test: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (test(name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Renders what the CLI would render of each parsed message: record, ISO time, JSON. */
async function consume(events: AsyncIterable<TraceEvent>, sink: ArraySink): Promise<number> {
  const stage = new ParseStage(sink);
  let n = 0;
  for await (const ev of events) {
    const item = stage.push(ev);
    if (item?.kind !== "message") continue;
    stringifyJson(orderRecord("message", toMessageRecord(item.msg, { retransmissionOf: null, copyOf: item.copyOf })));
    n++;
  }
  for (const d of sink.items) stringifyJson(orderRecord("diagnostic", toDiagnosticRecord(d)));
  return n;
}

function chunks(bytes: Buffer, size: number): Buffer[] {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return parts;
}

/** Small captures only: a fuzz case must stay cheap. */
function captureSeeds(): Buffer[] {
  return files(join(ROOT, "fixtures"), (n) => /\.(pcap|pcapng)$/.test(n))
    .map((f) => readFileSync(f))
    .filter((b) => b.length <= 16 * 1024);
}

const SIP_SEED = Buffer.from(
  [
    "INVITE sip:bob@b.example SIP/2.0",
    "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1;rport",
    'From: "Alice" <sip:alice@a.example>;tag=1',
    "To: <sip:bob@b.example>",
    "Call-ID: fuzz@a.example",
    "CSeq: 1 INVITE",
    "Contact: <sip:alice@10.0.0.1:5060;transport=udp>;+sip.instance=\"<urn:uuid:1>\";reg-id=1",
    "Refer-To: <sip:carol@c.example?Replaces=abc%3Bto-tag%3D1%3Bfrom-tag%3D2>",
    "Content-Type: application/sdp",
    "Content-Length: 27",
    "",
    "v=0\r\no=- 1 1 IN IP4 1.2.3.4",
  ].join("\r\n"),
  "latin1",
);

export function fuzzTargets(): FuzzTarget[] {
  const logSeeds = files(join(ROOT, "fixtures/textlog"), (n) => !n.endsWith(".json")).map((f) => readFileSync(f)).filter((b) => b.length <= 16 * 1024);
  const formats: readonly (TextLogFormat | undefined)[] = [undefined, ...TEXT_LOG_FORMATS.map((f) => f.name)];
  let formatTurn = 0;
  const hep = { src: { ip: "10.0.0.1", port: 5060 }, dst: { ip: "10.0.0.2", port: 5060 }, timeUs: 1_767_261_600_000_000, payload: SIP_SEED };
  return [
    {
      name: "sip-parser",
      shape: "text",
      weight: 40,
      seeds: [SIP_SEED],
      run(bytes) {
        const sink = new ArraySink();
        const msg = parseSipMessage(payloadOf(bytes), sink);
        if (msg !== null) stringifyJson(orderRecord("message", toMessageRecord(msg, { retransmissionOf: null, copyOf: null })));
      },
    },
    {
      name: "capture",
      shape: "capture",
      weight: 3,
      seeds: captureSeeds(),
      async run(bytes, chunk) {
        const sink = new ArraySink();
        await consume(captureEventsOf(bytes, chunk, "fuzz.pcap", sink), sink);
      },
    },
    {
      name: "text-log",
      shape: "text",
      weight: 2,
      seeds: logSeeds,
      async run(bytes, chunk) {
        const sink = new ArraySink();
        const format = formats[formatTurn++ % formats.length];
        await consume(readTextLogEvents(Readable.from(chunks(bytes, chunk)), { file: "fuzz.log", format }, sink), sink);
      },
    },
    {
      name: "websocket",
      shape: "bytes",
      weight: 10,
      seeds: [buildWebSocketFrame(SIP_SEED, { mask: Buffer.from([1, 2, 3, 4]) }), buildWebSocketFrame(SIP_SEED, {}), Buffer.from("GET / HTTP/1.1\r\nUpgrade: websocket\r\nSec-WebSocket-Protocol: sip\r\n\r\n")],
      run(bytes) {
        const h = parseWebSocketFrameHeader(bytes, 0, bytes.length, 1 << 20);
        if (h.kind === "frame") unmaskPayload(bytes, h.header);
        parseHttpUpgradeHead(bytes, 0, bytes.length);
      },
    },
    {
      name: "hep",
      shape: "bytes",
      weight: 10,
      seeds: [buildHep3(hep), buildHep3({ ...hep, compress: true, correlationId: "c" }), buildHep2(hep)],
      run(bytes) {
        decodeHep3(bytes, 0, bytes.length);
        decodeHep2(bytes, 0, bytes.length);
      },
    },
  ];
}
