/**
 * Test helper: SIP traces from SIP text, run through the parser and the trace analyzer without a capture file.
 * Each step gets a frame number (1-based, in step order) and a capture time; SIP messages get indices 0, 1, ...
 */
import { ArraySink } from "../../src/diagnostics/sink.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { CallRecord, FlowRecord } from "../../src/model/document.js";
import { parseEndpoint, type Endpoint } from "../../src/model/endpoint.js";
import type { Transport } from "../../src/model/transport.js";
import { parseSipMessage } from "../../src/sip/parser.js";
import type { SipMessage } from "../../src/sip/message.js";
import { TraceAnalyzer, type AnalysisInput, type AnalyzerOptions, type Finding } from "../../src/trackers/index.js";

/** 2026-01-01T10:00:00Z in µs: every trace starts there. */
export const T0_US = 1_767_261_600_000_000;

export function ep(text: string): Endpoint {
  const e = parseEndpoint(text);
  if (e === null) throw new Error(`bad endpoint ${text}`);
  return e;
}

export interface ReqSpec {
  readonly method: string;
  readonly uri: string;
  /** Via values, top first. */
  readonly via: string | readonly string[];
  readonly from: string;
  readonly to: string;
  readonly callId: string;
  readonly cseq: number;
  /** CSeq method when it differs from the method (ACK and CANCEL use the INVITE's number). */
  readonly cseqMethod?: string;
  readonly headers?: readonly string[];
  readonly body?: { readonly type: string; readonly text: string };
}

/** Header lines and body → SIP text with CRLF line ends and a correct Content-Length (RFC 3261 §7.5, §20.14). */
function formatSip(lines: readonly string[], body: ReqSpec["body"]): string {
  const text = body === undefined ? "" : body.text.replace(/\r?\n/g, "\r\n");
  const head = body === undefined ? lines : [...lines, `Content-Type: ${body.type}`];
  return `${head.join("\r\n")}\r\nContent-Length: ${Buffer.byteLength(text, "utf8")}\r\n\r\n${text}`;
}

/** A request as SIP text (CRLF, Content-Length filled in). */
export function request(s: ReqSpec): string {
  const vias = typeof s.via === "string" ? [s.via] : s.via;
  const lines = [
    `${s.method} ${s.uri} SIP/2.0`,
    ...vias.map((v) => `Via: ${v}`),
    "Max-Forwards: 70",
    `From: ${s.from}`,
    `To: ${s.to}`,
    `Call-ID: ${s.callId}`,
    `CSeq: ${s.cseq} ${s.cseqMethod ?? s.method}`,
    ...(s.headers ?? []),
  ];
  return formatSip(lines, s.body);
}

export interface ResSpec {
  /** Tag added to To when the request's To has none. */
  readonly toTag?: string;
  readonly headers?: readonly string[];
  readonly body?: { readonly type: string; readonly text: string };
  /** Only the top Via (a response sent back by the next hop has the rest stripped already). */
  readonly topViaOnly?: boolean;
}

/** The response to `req` (Vias, From, To, Call-ID and CSeq copied, RFC 3261 §8.2.6.2). */
export function response(req: ReqSpec, status: number, reason: string, o: ResSpec = {}): string {
  const vias = typeof req.via === "string" ? [req.via] : req.via;
  const to = o.toTag !== undefined && !/;tag=/i.test(req.to) ? `${req.to};tag=${o.toTag}` : req.to;
  const lines = [
    `SIP/2.0 ${status} ${reason}`,
    ...(o.topViaOnly === true ? vias.slice(0, 1) : vias).map((v) => `Via: ${v}`),
    `From: ${req.from}`,
    `To: ${to}`,
    `Call-ID: ${req.callId}`,
    `CSeq: ${req.cseq} ${req.cseqMethod ?? req.method}`,
    ...(o.headers ?? []),
  ];
  return formatSip(lines, o.body);
}

export type TraceStep =
  | { readonly kind: "sip"; readonly t: number; readonly src: string; readonly dst: string; readonly text: string; readonly transport?: "udp" | "tcp" }
  | { readonly kind: "keepalive"; readonly t: number; readonly src: string; readonly dst: string; readonly keepalive: "crlf-ping" | "crlf-pong" | "stun-request" | "stun-response"; readonly transport?: "udp" | "tcp" }
  | { readonly kind: "connection"; readonly t: number; readonly src: string; readonly dst: string; readonly event: "open" | "close" | "reset"; readonly transport?: "udp" | "tcp" };

export interface TraceResult {
  readonly messages: readonly SipMessage[];
  readonly findings: readonly Finding[];
  readonly byResponse: ReadonlyMap<number, Finding>;
  readonly calls: readonly CallRecord[];
  readonly flows: readonly FlowRecord[];
  readonly infos: ReadonlyMap<number, { readonly retransmissionOf: number | null; readonly requestIndex: number | null }>;
  readonly diagnostics: readonly Diagnostic[];
  /** Findings emitted before finish() (decided in capture time while streaming). */
  readonly streamed: readonly number[];
  /** Calls released before finish(). */
  readonly streamedCalls: number;
}

/** Turns steps into analyzer inputs: SIP text parsed, indices and frames assigned. */
export function buildInputs(steps: readonly TraceStep[], sink: ArraySink, file = "test"): { inputs: AnalysisInput[]; messages: SipMessage[] } {
  const inputs: AnalysisInput[] = [];
  const messages: SipMessage[] = [];
  steps.forEach((s, i) => {
    const origin = { file, frame: i + 1, line: null, frames: [i + 1] };
    const timeUs = T0_US + Math.round(s.t * 1e6);
    const transport: Transport = s.transport ?? "udp";
    if (s.kind === "sip") {
      const msg = parseSipMessage(
        { kind: "sip", bytes: Buffer.from(s.text, "utf8"), origin, timeUs, timePrecision: "full", src: ep(s.src), dst: ep(s.dst), transport, carrier: "plain", addressesInferred: false, direction: null, truncated: false },
        sink,
      );
      if (msg === null) throw new Error(`step ${i} does not parse`);
      msg.index = messages.length;
      messages.push(msg);
      inputs.push({ kind: "message", msg });
    } else if (s.kind === "keepalive") {
      inputs.push({ kind: "keepalive", keepalive: s.keepalive, origin, timeUs, src: ep(s.src), dst: ep(s.dst), transport: s.transport ?? "tcp" });
    } else {
      inputs.push({ kind: "connection", event: s.event, origin, timeUs, src: ep(s.src), dst: ep(s.dst), transport: s.transport ?? "tcp" });
    }
  });
  return { inputs, messages };
}

/** Runs the analyzer over the steps and sorts its outputs by kind. */
export function runTrace(steps: readonly TraceStep[], options: AnalyzerOptions = {}): TraceResult {
  const sink = new ArraySink();
  const { inputs, messages } = buildInputs(steps, sink);
  const analyzer = new TraceAnalyzer(sink, options);
  const findings: Finding[] = [];
  const calls: CallRecord[] = [];
  const flows: FlowRecord[] = [];
  const infos = new Map<number, { retransmissionOf: number | null; requestIndex: number | null }>();
  const streamed: number[] = [];
  let streamedCalls = 0;
  const take = (outs: ReturnType<TraceAnalyzer["push"]>, live: boolean): void => {
    for (const o of outs) {
      switch (o.kind) {
        case "finding":
          findings.push(o.finding);
          if (live) streamed.push(o.finding.response);
          break;
        case "call":
          calls.push(o.call);
          if (live) streamedCalls++;
          break;
        case "flow":
          flows.push(o.flow);
          break;
        case "message-info":
          infos.set(o.index, { retransmissionOf: o.retransmissionOf, requestIndex: o.requestIndex });
          break;
        case "diagnostic":
          sink.report(o.diagnostic);
          break;
      }
    }
  };
  for (const input of inputs) take(analyzer.push(input), true);
  take(analyzer.finish(), false);
  const byResponse = new Map<number, Finding>();
  for (const f of findings) {
    if (byResponse.has(f.response)) throw new Error(`two findings for response ${f.response}`);
    byResponse.set(f.response, f);
  }
  return { messages, findings, byResponse, calls, flows, infos, diagnostics: sink.items, streamed, streamedCalls };
}
