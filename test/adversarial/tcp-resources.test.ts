/**
 * Issue 15's adversarial TCP resources, generated with the project's capture writer and read through the whole
 * capture path: 150,000 connections (a SYN scan), a first message with more than 128 KiB of headers, a gap before
 * a flow is recognised as SIP, and a Content-Length of 2^31 streaming megabytes. No timing assertions: the tests
 * assert the caps and the diagnostics that say data was dropped. Times and memory are measured by
 * scripts/adversarial/measure.ts (numbers in docs/security.md).
 */
import { describe, expect, it } from "vitest";
import { ArraySink } from "../../src/diagnostics/sink.js";
import type { SipPayload, TraceEvent } from "../../src/model/trace-event.js";
import type { PacketSpec, TcpPacketSpec } from "../helpers/capture-writer.js";
import { buildCapture, sip } from "../helpers/capture-writer.js";
import { captureEventsOf } from "../helpers/capture-events.js";

const T0 = 1_767_261_600_000_000;
const SERVER = { ip: "10.9.0.1", port: 5060 };

async function read(packets: readonly PacketSpec[]): Promise<{ events: TraceEvent[]; sink: ArraySink }> {
  const sink = new ArraySink();
  const events: TraceEvent[] = [];
  for await (const e of captureEventsOf(buildCapture(packets, { format: "pcap" }), 1 << 20, "adv.pcap", sink)) events.push(e);
  return { events, sink };
}

const sips = (evs: readonly TraceEvent[]): SipPayload[] => evs.filter((e): e is SipPayload => e.kind === "sip");
const codes = (sink: ArraySink, code: string): string[] => sink.items.filter((d) => d.code === code).map((d) => d.message);
const callIds = (evs: readonly TraceEvent[]): (string | undefined)[] => sips(evs).map((m) => /Call-ID: (\S+)/.exec(m.bytes.toString("latin1", 0, 400))?.[1]);

function options(n: number, extraHeader = ""): string {
  const text = sip`
    OPTIONS sip:b@example.com SIP/2.0
    Via: SIP/2.0/TCP 10.9.0.2:40000;branch=z9hG4bK-adv${n}
    From: <sip:a@example.com>;tag=a${n}
    To: <sip:b@example.com>
    Call-ID: adv-${n}
    CSeq: ${n} OPTIONS
  `;
  return extraHeader === "" ? text : text.replace("\r\nContent-Length", `\r\n${extraHeader}\r\nContent-Length`);
}

/** Data segments of one client→server connection (SYN first), cut at `mss`; `skip` leaves segments out. */
function stream(client: { ip: string; port: number }, data: Buffer, t: number, opts: { mss?: number; skip?: (i: number) => boolean } = {}): TcpPacketSpec[] {
  const mss = opts.mss ?? 1460;
  const out: TcpPacketSpec[] = [{ kind: "tcp", timeUs: t, src: client, dst: SERVER, seq: 999, flags: "S" }];
  for (let at = 0, i = 0; at < data.length; at += mss, i++) {
    if (opts.skip?.(i) === true) continue;
    out.push({ kind: "tcp", timeUs: t + 1 + i, src: client, dst: SERVER, seq: 1000 + at, flags: "PA", payload: data.subarray(at, at + mss) });
  }
  return out;
}

describe("adversarial TCP resources", () => {
  it("150,000 connections (a SYN scan): the table stays at its 100,000 cap, one diagnostic and one total", async () => {
    const syns: PacketSpec[] = Array.from({ length: 150_000 }, (_, i) => ({ kind: "tcp", timeUs: T0 + i, src: { ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, port: 1024 + (i % 60000) }, dst: SERVER, seq: i, flags: "S" }));
    const { events, sink } = await read(syns);
    expect(events).toEqual([]);
    const cap = codes(sink, "tcp.connection_cap");
    expect(cap).toHaveLength(2);
    expect(cap[0]).toMatch(/^more than 100000 TCP connections at once: finished the least recently seen one early \(10\.0\.0\.0:1024/);
    expect(cap[1]).toMatch(/^50000 TCP connections in all were finished early/);
  }, 120_000);

  it("a first message with more than 128 KiB of headers is reported and does not hide the messages after it", async () => {
    const huge = options(1, `X-Big: ${"h".repeat(140 * 1024)}`);
    const data = Buffer.from(huge + options(2) + options(3));
    const { events, sink } = await read(stream({ ip: "10.9.0.2", port: 40000 }, data, T0));
    expect(callIds(events)).toEqual(["adv-2", "adv-3"]);
    const d = codes(sink, "framing.headers_too_long");
    expect(d).toHaveLength(1);
    expect(d[0]).toMatch(/^no end of headers within 131072 bytes after a start line on TCP 10\.9\.0\.2:40000→10\.9\.0\.1:5060; skipped \d+ bytes/);
  });

  it("a gap before the flow is recognised as SIP is reported, not dropped silently", async () => {
    // The first segment (half of a message) was not captured; the next message starts in a later segment.
    const first = Buffer.from(options(1));
    const data = Buffer.concat([first, Buffer.from(options(2))]);
    const cut = Math.ceil(first.length / 2);
    const { events, sink } = await read(stream({ ip: "10.9.0.3", port: 40001 }, data, T0, { mss: cut, skip: (i) => i === 0 }));
    expect(callIds(events)).toEqual(["adv-2"]);
    const gaps = codes(sink, "tcp.gap");
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatch(new RegExp(`^${cut} bytes of TCP 10\\.9\\.0\\.3:40001→10\\.9\\.0\\.1:5060 were not captured before the connection was recognised as SIP`));
  });

  it("Content-Length 2^31 followed by 8 MB: one bad Content-Length and one skipped run, not one per segment", async () => {
    const head = Buffer.from("INVITE sip:b@example.com SIP/2.0\r\nCall-ID: cl31\r\nCSeq: 1 INVITE\r\nContent-Length: 2147483648\r\n\r\n");
    const data = Buffer.concat([head, Buffer.alloc(8 * 1024 * 1024, 0x41), Buffer.from("\r\n"), Buffer.from(options(4))]);
    const packets = stream({ ip: "10.9.0.4", port: 40002 }, data, T0);
    expect(packets.length).toBeGreaterThan(5_000);
    const { events, sink } = await read(packets);
    expect(callIds(events)).toEqual(["cl31", "adv-4"]);
    expect(codes(sink, "framing.bad_content_length")).toHaveLength(1);
    expect(codes(sink, "framing.junk_skipped")).toHaveLength(1);
    expect(sink.items).toHaveLength(2);
  });
});
