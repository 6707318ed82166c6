/**
 * ICMP errors quoting SIP requests (RFC 3261 §8.1.3.1 / §18.4): the transaction is found from the quote, every
 * error for it (one per retransmission) is gathered into one diagnostic at the end, worded "never answered" when
 * no final response came and "answered later" when a retransmission got through.
 */
import { describe, expect, it } from "vitest";
import { ArraySink } from "../../src/diagnostics/sink.js";
import type { UnreachableEvent } from "../../src/model/trace-event.js";
import { parseSipMessage } from "../../src/sip/parser.js";
import { TraceAnalyzer, type AnalysisInput } from "../../src/trackers/index.js";
import { T0_US, buildInputs, ep, request, response, type ReqSpec } from "../helpers/sip-trace.js";

const INVITE: ReqSpec = { method: "INVITE", uri: "sip:bob@example.com", via: "SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-icmp1", from: "<sip:alice@example.com>;tag=a", to: "<sip:bob@example.com>", callId: "icmp-call", cseq: 1 };

function unreachable(t: number, frame: number, text: string, reason: UnreachableEvent["reason"] = "port"): AnalysisInput {
  const origin = { file: "icmp.pcap", frame, line: null, frames: [frame] };
  const timeUs = T0_US + Math.round(t * 1e6);
  const event: UnreachableEvent = { kind: "unreachable", origin, timeUs, reporter: "10.0.0.2", reason, icmpCode: reason === "port" ? 3 : 1, icmpVersion: 4, src: ep("10.0.0.1:5060"), dst: ep("10.0.0.2:5060"), transport: "udp", quoted: Buffer.from(text.slice(0, 300)) };
  const quoted = parseSipMessage({ kind: "sip", bytes: event.quoted, origin, timeUs, timePrecision: "full", src: event.src, dst: event.dst, transport: "udp", carrier: "plain", addressesInferred: false, direction: null, truncated: true }, new ArraySink());
  return { kind: "unreachable", event, quoted };
}

function run(inputs: readonly AnalysisInput[]): ArraySink {
  const sink = new ArraySink();
  const a = new TraceAnalyzer(sink);
  for (const i of inputs) a.push(i);
  a.finish();
  return sink;
}

describe("ICMP unreachable against a SIP request", () => {
  const inv = request(INVITE);

  it("an INVITE refused three times and never answered: one warning naming the request, the reporter and the count", () => {
    const { inputs } = buildInputs([{ kind: "sip", t: 0, src: "10.0.0.1:5060", dst: "10.0.0.2:5060", text: inv }, { kind: "sip", t: 0.5, src: "10.0.0.1:5060", dst: "10.0.0.2:5060", text: inv }], new ArraySink());
    const [first, retrans] = inputs;
    if (first === undefined || retrans === undefined) throw new Error("inputs");
    const sink = run([first, unreachable(0.0001, 2, inv), retrans, unreachable(0.5001, 4, inv), unreachable(1.5, 5, inv)]);
    const d = sink.items.filter((x) => x.code === "trackers.icmp_unreachable");
    expect(d).toHaveLength(1);
    expect(d[0]?.severity).toBe("warning");
    expect(d[0]?.message).toMatch(/^INVITE #0 to 10\.0\.0\.2:5060\/UDP \(Call-ID icmp-call\) never answered: ICMP port unreachable from 10\.0\.0\.2 \(frame 2, 3 in all for its retransmissions\)/);
    expect(d[0]?.message).toContain("RFC 3261 §8.1.3.1");
    expect(d[0]?.messageIndex).toBe(0);
    expect(d[0]?.at).toEqual({ kind: "frame", file: "icmp.pcap", frame: 2 });
  });

  it("answered after the error: info, with the final status", () => {
    const { inputs } = buildInputs([{ kind: "sip", t: 0, src: "10.0.0.1:5060", dst: "10.0.0.2:5060", text: inv }, { kind: "sip", t: 1, src: "10.0.0.2:5060", dst: "10.0.0.1:5060", text: response(INVITE, 486, "Busy Here") }], new ArraySink());
    const [req, res] = inputs;
    if (req === undefined || res === undefined) throw new Error("inputs");
    const d = run([req, unreachable(0.1, 2, inv, "host"), res]).items.filter((x) => x.code === "trackers.icmp_unreachable");
    expect(d.map((x) => [x.severity, x.message.includes("answered 486 (#1) later")])).toEqual([["info", true]]);
  });

  it("a quote of a request that is not in the trace is reported at once, without a transaction", () => {
    const d = run([unreachable(0, 1, inv, "host")]).items.filter((x) => x.code === "trackers.icmp_unreachable");
    expect(d).toHaveLength(1);
    expect(d[0]?.message).toMatch(/^ICMP host unreachable from 10\.0\.0\.2 for INVITE \(Call-ID icmp-call\) that is not in the trace/);
  });
});
