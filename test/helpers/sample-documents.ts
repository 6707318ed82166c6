/**
 * Realistic analysis documents for the renderers' tests, written by hand to the JSON contract
 * (src/model/document.ts) until the analyzer produces them: a blind transfer (REFER, 202, NOTIFYs, the new
 * INVITE on another Call-ID), a 302 that was followed, a 430 the UA recovered from, a REGISTER with a
 * digest challenge, a long call list, and hostile strings (ESC, C0/C1, `<script>`, U+202E, huge values).
 */
import type {
  AnalysisDocument,
  AnnotationRecord,
  CallLink,
  CallRecord,
  CallState,
  DiagnosticRecord,
  FlowRecord,
  MessageRecord,
} from "../../src/model/document.js";
import type { Transport } from "../../src/model/transport.js";

const BASE_MS = Date.parse("2026-03-02T09:15:00.000Z");

function isoAt(ms: number): string {
  const whole = Math.floor(ms);
  const micro = Math.round((ms - whole) * 1000);
  return `${new Date(whole).toISOString().slice(0, 23)}${String(micro).padStart(3, "0")}Z`;
}

export interface MessageSpec {
  /** ms after the scenario's start. */
  readonly t: number;
  readonly src: string | null;
  readonly dst: string | null;
  readonly method?: string;
  readonly uri?: string;
  readonly status?: number;
  readonly reason?: string;
  readonly callId: string;
  readonly cseq: readonly [number, string];
  readonly from?: string;
  readonly to?: string;
  readonly fromTag?: string;
  readonly toTag?: string | null;
  readonly transport?: Transport;
  readonly retransmissionOf?: number;
  readonly warnings?: readonly string[];
  readonly noTime?: boolean;
}

type AnnotationInput = Omit<AnnotationRecord, "file" | "frame" | "line" | "ts" | "callId" | "message" | "code" | "reason"> & {
  readonly message: number;
};

export class SampleBuilder {
  readonly messages: MessageRecord[] = [];
  readonly calls: CallRecord[] = [];
  readonly annotations: AnnotationRecord[] = [];
  readonly flows: FlowRecord[] = [];
  readonly diagnostics: DiagnosticRecord[] = [];
  readonly raws = new Map<number, string>();
  private frame = 1;

  constructor(readonly file = "transfer-and-friends.pcapng") {}

  /** Adds one message at `startMs + spec.t` and returns its index. */
  add(startMs: number, spec: MessageSpec): number {
    const index = this.messages.length;
    const ms = BASE_MS + startMs + spec.t;
    const frame = this.frame;
    this.frame += 1;
    const request = spec.method !== undefined;
    const msg: MessageRecord = {
      index,
      file: this.file,
      frame,
      line: null,
      frames: [frame],
      ts: spec.noTime === true ? null : isoAt(ms),
      timePrecision: spec.noTime === true ? "unknown" : "full",
      src: spec.src,
      dst: spec.dst,
      addressesInferred: false,
      transport: spec.transport ?? "udp",
      carrier: "plain",
      method: spec.method ?? null,
      uri: request ? (spec.uri ?? "sip:unknown@invalid") : null,
      status: spec.status ?? null,
      reason: spec.status !== undefined ? (spec.reason ?? "") : null,
      callId: spec.callId,
      cseq: { seq: spec.cseq[0], method: spec.cseq[1] },
      fromUri: spec.from ?? "sip:alice@example.com",
      fromTag: spec.fromTag ?? "a73kszlfl",
      toUri: spec.to ?? "sip:bob@example.com",
      toTag: spec.toTag === undefined ? (request ? null : "1410948204") : spec.toTag,
      branch: `z9hG4bK${String(index).padStart(6, "0")}`,
      size: 400 + index,
      retransmissionOf: spec.retransmissionOf ?? null,
      copyOf: null,
      hop: { peers: spec.src === null || spec.dst === null ? null : ([spec.src, spec.dst].sort() as [string, string]), viaDepth: 1 },
      sameEventAs: null,
      warnings: spec.warnings ?? [],
    };
    this.messages.push(msg);
    this.raws.set(index, rawTextOf(msg));
    return index;
  }

  annotate(input: AnnotationInput): void {
    const m = this.messages[input.message];
    if (m === undefined) throw new Error(`no message ${input.message}`);
    this.annotations.push({
      ...input,
      file: m.file,
      frame: m.frame,
      line: m.line,
      ts: m.ts,
      callId: m.callId,
      code: m.status ?? 0,
      reason: m.reason,
      sameEventAs: null,
      hops: [input.message],
    } as AnnotationRecord);
  }

  /** Registers a call over the given messages; times and counts derive from them. */
  call(
    callId: string,
    messages: readonly number[],
    state: CallState,
    extra: { readonly links?: readonly CallLink[]; readonly linked?: readonly string[]; readonly finalStatus?: number | null } = {},
  ): void {
    const msgs = messages.map((i) => this.messages[i]).filter((m): m is MessageRecord => m !== undefined);
    const first = msgs[0];
    const times = msgs.map((m) => m.ts).filter((t): t is string => t !== null);
    const startTs = times[0] ?? null;
    const endTs = times[times.length - 1] ?? null;
    const outcomes = this.annotations
      .filter((a) => messages.includes(a.message) && a.kind !== "generic")
      .map((a) => a.outcome);
    this.calls.push({
      callId,
      messages,
      linkedCallIds: extra.linked ?? (extra.links ?? []).map((l) => l.callId),
      links: extra.links ?? [],
      state,
      method: first?.method ?? null,
      from: first?.fromUri ?? null,
      to: first?.toUri ?? null,
      startTs,
      endTs,
      durationMs: startTs !== null && endTs !== null ? Date.parse(endTs) - Date.parse(startTs) : null,
      finalStatus: extra.finalStatus ?? null,
      dialogs: 1,
      transactions: new Set(msgs.map((m) => `${m.cseq?.seq ?? 0} ${m.cseq?.method ?? ""}`)).size,
      retransmissions: msgs.filter((m) => m.retransmissionOf !== null).length,
      outcomes,
    });
  }

  diagnostic(d: Omit<DiagnosticRecord, "file"> & { readonly file?: string | null }): void {
    this.diagnostics.push({ file: this.file, ...d });
  }

  build(): AnalysisDocument {
    const count = (pick: (m: MessageRecord) => string | null): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const m of this.messages) {
        const k = pick(m);
        if (k !== null) out[k] = (out[k] ?? 0) + 1;
      }
      return out;
    };
    const outcomes: Record<string, number> = {};
    for (const a of this.annotations) {
      if (a.kind === "generic") continue;
      const k = `${a.kind}:${a.outcome}`;
      outcomes[k] = (outcomes[k] ?? 0) + 1;
    }
    const diagnostics: Record<string, number> = {};
    for (const d of this.diagnostics) diagnostics[d.code] = (diagnostics[d.code] ?? 0) + 1;
    const times = this.messages.map((m) => m.ts).filter((t): t is string => t !== null).sort();
    return {
      schemaVersion: 1,
      tool: { name: "sipta", version: "0.1.0" },
      lang: "en",
      files: [{ path: this.file, format: "pcapng", messages: this.messages.length, bytes: 48_213 }],
      summary: {
        messages: this.messages.length,
        requests: this.messages.filter((m) => m.method !== null).length,
        responses: this.messages.filter((m) => m.status !== null).length,
        retransmissions: this.messages.filter((m) => m.retransmissionOf !== null).length,
        calls: this.calls.length,
        dialogs: this.calls.reduce((n, c) => n + c.dialogs, 0),
        transactions: this.calls.reduce((n, c) => n + c.transactions, 0),
        flows: this.flows.length,
        firstTs: times[0] ?? null,
        lastTs: times[times.length - 1] ?? null,
        methods: count((m) => m.method),
        statuses: count((m) => (m.status === null ? null : String(m.status))),
        outcomes,
        diagnostics,
        diagnosticsDropped: 0,
      },
      messages: this.messages,
      calls: this.calls,
      annotations: this.annotations,
      flows: this.flows,
      diagnostics: this.diagnostics,
    };
  }
}

/** A plausible wire text for a message, for the HTML report's raw view. */
function rawTextOf(m: MessageRecord): string {
  const start = m.method !== null ? `${m.method} ${m.uri ?? ""} SIP/2.0` : `SIP/2.0 ${m.status ?? 0} ${m.reason ?? ""}`;
  return [
    start,
    `Via: SIP/2.0/${m.transport.toUpperCase()} ${m.src ?? "unknown"};branch=${m.branch ?? ""}`,
    `From: <${m.fromUri ?? ""}>;tag=${m.fromTag ?? ""}`,
    `To: <${m.toUri ?? ""}>${m.toTag === null ? "" : `;tag=${m.toTag}`}`,
    `Call-ID: ${m.callId ?? ""}`,
    `CSeq: ${m.cseq?.seq ?? 0} ${m.cseq?.method ?? ""}`,
    "Max-Forwards: 70",
    "Content-Length: 0",
    "",
    "",
  ].join("\r\n");
}

const ALICE = "10.0.0.1:5060";
const BOB = "10.0.0.2:5060";
const CAROL = "10.0.0.3:5060";
const PROXY = "192.0.2.10:5060";
const DAVE = "192.0.2.44:5060";
const EDGE = "[2001:db8::30]:5061";
const UA = "[2001:db8:0:1::55]:50312";
const UA2 = "[2001:db8:0:1::55]:50313";

export const TRANSFER_CALL_A = "3c26700b-5cc4@10.0.0.1";
export const TRANSFER_CALL_B = "9f1e22a0-77d1@10.0.0.1";
export const REDIRECT_CALL = "redir-8812@192.0.2.10";
export const FLOW_CALL = "out-4431@192.0.2.10";
export const REGISTER_CALL = "reg-1a2b@10.0.0.1";

/** Blind transfer: Bob REFERs Alice to Carol; Alice calls Carol on a new Call-ID; NOTIFYs report 100 then 200. */
export function addBlindTransfer(b: SampleBuilder, at = 0): void {
  const A = TRANSFER_CALL_A;
  const B = TRANSFER_CALL_B;
  const bob = { from: "sip:alice@example.com", to: "sip:bob@example.com" };
  const inv = b.add(at, { t: 0, src: ALICE, dst: BOB, method: "INVITE", uri: "sip:bob@10.0.0.2", callId: A, cseq: [1, "INVITE"], ...bob });
  const trying = b.add(at, { t: 12, src: BOB, dst: ALICE, status: 100, reason: "Trying", callId: A, cseq: [1, "INVITE"], toTag: null, ...bob });
  const ringing = b.add(at, { t: 80, src: BOB, dst: ALICE, status: 180, reason: "Ringing", callId: A, cseq: [1, "INVITE"], ...bob });
  const ok = b.add(at, { t: 2150, src: BOB, dst: ALICE, status: 200, reason: "OK", callId: A, cseq: [1, "INVITE"], ...bob });
  const okRetr = b.add(at, { t: 2650, src: BOB, dst: ALICE, status: 200, reason: "OK", callId: A, cseq: [1, "INVITE"], retransmissionOf: ok, ...bob });
  const ack = b.add(at, { t: 2660, src: ALICE, dst: BOB, method: "ACK", uri: "sip:bob@10.0.0.2", callId: A, cseq: [1, "ACK"], toTag: "1410948204", ...bob });
  const refer = b.add(at, {
    t: 9000, src: BOB, dst: ALICE, method: "REFER", uri: "sip:alice@10.0.0.1", callId: A, cseq: [101, "REFER"],
    from: "sip:bob@example.com", to: "sip:alice@example.com", fromTag: "1410948204", toTag: "a73kszlfl",
  });
  const accepted = b.add(at, {
    t: 9011, src: ALICE, dst: BOB, status: 202, reason: "Accepted", callId: A, cseq: [101, "REFER"],
    from: "sip:bob@example.com", to: "sip:alice@example.com", fromTag: "1410948204", toTag: "a73kszlfl",
  });
  const notify1 = b.add(at, { t: 9030, src: ALICE, dst: BOB, method: "NOTIFY", uri: "sip:bob@10.0.0.2", callId: A, cseq: [2, "NOTIFY"], toTag: "1410948204", ...bob });
  const notify1ok = b.add(at, { t: 9041, src: BOB, dst: ALICE, status: 200, reason: "OK", callId: A, cseq: [2, "NOTIFY"], ...bob });
  const carol = { from: "sip:alice@example.com", to: "sip:carol@example.com", fromTag: "8f1c0e" };
  const inv2 = b.add(at, { t: 9050, src: ALICE, dst: CAROL, method: "INVITE", uri: "sip:carol@10.0.0.3", callId: B, cseq: [1, "INVITE"], ...carol });
  const ring2 = b.add(at, { t: 9120, src: CAROL, dst: ALICE, status: 180, reason: "Ringing", callId: B, cseq: [1, "INVITE"], toTag: "c4r01", ...carol });
  const ok2 = b.add(at, { t: 12400, src: CAROL, dst: ALICE, status: 200, reason: "OK", callId: B, cseq: [1, "INVITE"], toTag: "c4r01", ...carol });
  const ack2 = b.add(at, { t: 12410, src: ALICE, dst: CAROL, method: "ACK", uri: "sip:carol@10.0.0.3", callId: B, cseq: [1, "ACK"], toTag: "c4r01", ...carol });
  const notify2 = b.add(at, { t: 12420, src: ALICE, dst: BOB, method: "NOTIFY", uri: "sip:bob@10.0.0.2", callId: A, cseq: [3, "NOTIFY"], toTag: "1410948204", ...bob });
  const notify2ok = b.add(at, { t: 12431, src: BOB, dst: ALICE, status: 200, reason: "OK", callId: A, cseq: [3, "NOTIFY"], ...bob });
  const bye = b.add(at, {
    t: 12500, src: BOB, dst: ALICE, method: "BYE", uri: "sip:alice@10.0.0.1", callId: A, cseq: [102, "BYE"],
    from: "sip:bob@example.com", to: "sip:alice@example.com", fromTag: "1410948204", toTag: "a73kszlfl",
  });
  const byeOk = b.add(at, {
    t: 12509, src: ALICE, dst: BOB, status: 200, reason: "OK", callId: A, cseq: [102, "BYE"],
    from: "sip:bob@example.com", to: "sip:alice@example.com", fromTag: "1410948204", toTag: "a73kszlfl",
  });
  const bye2 = b.add(at, { t: 75000, src: CAROL, dst: ALICE, method: "BYE", uri: "sip:alice@10.0.0.1", callId: B, cseq: [1, "BYE"], from: "sip:carol@example.com", to: "sip:alice@example.com", fromTag: "c4r01", toTag: "8f1c0e" });
  const bye2ok = b.add(at, { t: 75010, src: ALICE, dst: CAROL, status: 200, reason: "OK", callId: B, cseq: [1, "BYE"], from: "sip:carol@example.com", to: "sip:alice@example.com", fromTag: "c4r01", toTag: "8f1c0e" });

  b.annotate({
    message: ringing, kind: "generic", outcome: "seen", severity: "info", summary: "The callee's phone is ringing.",
    explanation: "180 Ringing is a provisional response: the UAS has located the user and is alerting them.",
    nextSteps: [], refs: [], rfc: "RFC 3261 §21.1.2", details: { method: "INVITE" },
  });
  b.annotate({
    message: accepted, kind: "refer", outcome: "transfer-succeeded", severity: "ok",
    summary: "Blind transfer to sip:carol@example.com succeeded: the new call was answered (200 OK).",
    explanation:
      "The transferee accepted the REFER with 202 and reported the progress of its INVITE to the transfer target in NOTIFYs with a message/sipfrag body: first 100 Trying, then 200 OK with Subscription-State: terminated. The transferor then hung up its leg with BYE, as a blind transfer should.",
    nextSteps: ["Nothing to fix. To follow the new leg, open call " + B + "."],
    refs: [notify1, notify2, inv2], rfc: "RFC 3515 §2.4.4",
    details: {
      referMessage: refer, referTo: "<sip:carol@example.com>", referredBy: "<sip:bob@example.com>", replaces: false,
      replacesDialogFound: null, replacesCallId: null, inDialog: true, eventId: null, referSub: null,
      notifies: [
        { message: notify1, status: 100, reason: "Trying", subscriptionState: "active;expires=60", terminatedReason: null },
        { message: notify2, status: 200, reason: "OK", subscriptionState: "terminated", terminatedReason: "noresource" },
      ],
      finalStatus: 200, finalNotify: notify2, finalDelayMs: 3409, newCallId: B, newInvite: inv2, newCallStatus: 200,
      notify481: [], observedAfterMs: 66000, notifyErrors: [], dialogBye: null, droppedBy: null,
    },
  });
  b.call(A, [inv, trying, ringing, ok, okRetr, ack, refer, accepted, notify1, notify1ok, notify2, notify2ok, bye, byeOk], "completed", {
    links: [{ callId: B, reason: "refer", message: inv2 }], finalStatus: 200,
  });
  b.call(B, [inv2, ring2, ok2, ack2, bye2, bye2ok], "completed", { links: [{ callId: A, reason: "refer", message: inv2 }], finalStatus: 200 });
}

/** A proxy answers 302 with two Contacts; the caller retries the first one on the same Call-ID. */
export function addRedirect(b: SampleBuilder, at = 100_000): void {
  const C = REDIRECT_CALL;
  const p = { from: "sip:erin@example.org", to: "sip:sales@example.org", fromTag: "e41" };
  const inv = b.add(at, { t: 0, src: PROXY, dst: DAVE, method: "INVITE", uri: "sip:sales@example.org", callId: C, cseq: [1, "INVITE"], ...p });
  const moved = b.add(at, { t: 21, src: DAVE, dst: PROXY, status: 302, reason: "Moved Temporarily", callId: C, cseq: [1, "INVITE"], toTag: "r302", ...p });
  const ack = b.add(at, { t: 25, src: PROXY, dst: DAVE, method: "ACK", uri: "sip:sales@example.org", callId: C, cseq: [1, "ACK"], toTag: "r302", ...p });
  const inv2 = b.add(at, { t: 40, src: PROXY, dst: CAROL, method: "INVITE", uri: "sip:sales-1@10.0.0.3", callId: C, cseq: [2, "INVITE"], ...p });
  const ok = b.add(at, { t: 1900, src: CAROL, dst: PROXY, status: 200, reason: "OK", callId: C, cseq: [2, "INVITE"], toTag: "s1", ...p });
  const ack2 = b.add(at, { t: 1910, src: PROXY, dst: CAROL, method: "ACK", uri: "sip:sales-1@10.0.0.3", callId: C, cseq: [2, "ACK"], toTag: "s1", ...p });
  const bye = b.add(at, { t: 31000, src: PROXY, dst: CAROL, method: "BYE", uri: "sip:sales-1@10.0.0.3", callId: C, cseq: [3, "BYE"], toTag: "s1", ...p });
  const byeOk = b.add(at, { t: 31008, src: CAROL, dst: PROXY, status: 200, reason: "OK", callId: C, cseq: [3, "BYE"], toTag: "s1", ...p });
  b.annotate({
    message: moved, kind: "redirect", outcome: "followed", severity: "ok",
    summary: "Redirect followed: the caller retried sip:sales-1@10.0.0.3 and it answered 200 OK.",
    explanation:
      "A 3xx asks the client to try the Contact addresses itself. The caller ACKed the 302 and sent a new INVITE to the highest-q Contact on the same Call-ID with a higher CSeq, keeping the original To.",
    nextSteps: ["Nothing to fix. If the redirect was unexpected, check the forwarding rules of sip:sales@example.org."],
    refs: [inv2, ok], rfc: "RFC 3261 §8.1.3.4",
    details: {
      request: inv, requestUri: "sip:sales@example.org",
      contacts: [{ uri: "sip:sales-1@10.0.0.3", q: 0.9 }, { uri: "sip:sales-2@10.0.0.4", q: 0.5 }],
      ack, retry: inv2, retryUri: "sip:sales-1@10.0.0.3", retryCallId: C, retryStatus: 200, retries: [],
      toPreserved: true, loopTarget: null, status: 302, meaning: "moved-temporarily",
    },
  });
  b.call(C, [inv, moved, ack, inv2, ok, ack2, bye, byeOk], "completed", { links: [], finalStatus: 200 });
}

/** RFC 5626: the edge proxy answers 430 on a dead flow; the proxy retries over the second flow; the UA re-registers. */
export function addFlowRecovery(b: SampleBuilder, at = 200_000): void {
  const R1 = "reg-flow1@2001:db8:0:1::55";
  const R2 = "reg-flow2@2001:db8:0:1::55";
  const reg = { from: "sip:frank@example.net", to: "sip:frank@example.net", fromTag: "f1" };
  const r1 = b.add(at, { t: 0, src: UA, dst: EDGE, method: "REGISTER", uri: "sip:example.net", callId: R1, cseq: [1, "REGISTER"], transport: "tcp", ...reg });
  const r1ok = b.add(at, { t: 30, src: EDGE, dst: UA, status: 200, reason: "OK", callId: R1, cseq: [1, "REGISTER"], transport: "tcp", ...reg });
  const r2 = b.add(at, { t: 50, src: UA2, dst: EDGE, method: "REGISTER", uri: "sip:example.net", callId: R2, cseq: [1, "REGISTER"], transport: "tcp", ...reg, fromTag: "f2" });
  const r2ok = b.add(at, { t: 80, src: EDGE, dst: UA2, status: 200, reason: "OK", callId: R2, cseq: [1, "REGISTER"], transport: "tcp", ...reg, fromTag: "f2" });
  const C = FLOW_CALL;
  const call = { from: "sip:grace@example.net", to: "sip:frank@example.net", fromTag: "g7" };
  const inv = b.add(at, { t: 60000, src: PROXY, dst: EDGE, method: "INVITE", uri: "sip:frank@example.net;ob", callId: C, cseq: [1, "INVITE"], ...call });
  const failed = b.add(at, { t: 60004, src: EDGE, dst: PROXY, status: 430, reason: "Flow Failed", callId: C, cseq: [1, "INVITE"], toTag: "e430", ...call });
  const ack = b.add(at, { t: 60006, src: PROXY, dst: EDGE, method: "ACK", uri: "sip:frank@example.net;ob", callId: C, cseq: [1, "ACK"], toTag: "e430", ...call });
  const inv2 = b.add(at, { t: 60010, src: PROXY, dst: EDGE, method: "INVITE", uri: "sip:frank@example.net;ob", callId: C, cseq: [2, "INVITE"], ...call });
  const fwd = b.add(at, { t: 60012, src: EDGE, dst: UA2, method: "INVITE", uri: "sip:frank@[2001:db8:0:1::55]:50313;transport=tcp;ob", callId: C, cseq: [2, "INVITE"], transport: "tcp", ...call });
  const ok = b.add(at, { t: 61500, src: UA2, dst: EDGE, status: 200, reason: "OK", callId: C, cseq: [2, "INVITE"], transport: "tcp", toTag: "fr1", ...call });
  const okFwd = b.add(at, { t: 61502, src: EDGE, dst: PROXY, status: 200, reason: "OK", callId: C, cseq: [2, "INVITE"], toTag: "fr1", ...call });
  const r3 = b.add(at, { t: 62600, src: "[2001:db8:0:1::55]:50320", dst: EDGE, method: "REGISTER", uri: "sip:example.net", callId: R1, cseq: [2, "REGISTER"], transport: "tcp", ...reg });
  const r3ok = b.add(at, { t: 62630, src: EDGE, dst: "[2001:db8:0:1::55]:50320", status: 200, reason: "OK", callId: R1, cseq: [2, "REGISTER"], transport: "tcp", ...reg });
  const flow1 = "flow-1";
  const flow2 = "flow-2";
  b.annotate({
    message: failed, kind: "flow", outcome: "recovered", severity: "warning",
    summary: "Flow 1 of sip:frank@example.net had failed; the call went through over flow 2 and the UA re-registered flow 1 after 2.6 s.",
    explanation:
      "430 Flow Failed means the edge proxy could not use the flow the registrar selected (the TCP connection of reg-id 1 was gone). The proxy retried the INVITE over the other registered flow of the same instance, and the UA later registered reg-id 1 again over a new connection.",
    nextSteps: [
      "Check why the TCP connection of reg-id 1 closed (NAT timeout shorter than the Flow-Timer of 120 s?).",
      "Nothing else to do: the outbound mechanism worked as designed.",
    ],
    refs: [inv2, r3], rfc: "RFC 5626 §5.3",
    details: {
      aor: "sip:frank@example.net", instance: "<urn:uuid:00000000-0000-1000-8000-000a95a0e128>", regId: 1, flowId: flow1,
      otherFlows: [{ flowId: flow2, regId: 2, transport: "tcp", ua: UA2, edge: EDGE }], retriedOnOtherFlow: true, retry: inv2,
      retryStatus: 200, reregistered: true, reregister: r3, reregisterDelayMs: 2596, expectedBackoffMs: { min: 15000, max: 30000 }, backoffRespected: false, priorFailure: null, flowTimer: null, noticeByMs: null, noticedLate: null, failedAttempt: null, nextAttemptGapMs: null, trigger: null, relayedFrom: null,
    },
  });
  b.call(R1, [r1, r1ok, r3, r3ok], "request-ok", { finalStatus: 200 });
  b.call(R2, [r2, r2ok], "request-ok", { finalStatus: 200 });
  b.call(C, [inv, failed, ack, inv2, fwd, ok, okFwd], "in-call", { finalStatus: 200 });
  const ka = { pings: 4, pongs: 4, unanswered: 0, stunRequests: 0, stunResponses: 0, maxIntervalMs: 95000, lateCount: 0 };
  b.flows.push(
    {
      flowId: flow1, aor: "sip:frank@example.net", instance: "<urn:uuid:00000000-0000-1000-8000-000a95a0e128>", regId: 1,
      transport: "tcp", ua: UA, edge: EDGE, ob: true, outboundSupported: true, flowTimer: 120, registered: [r1],
      state: "failed", keepalives: { ...ka, pongs: 3, unanswered: 1 },
      failure: { kind: "430", frame: b.messages[failed]?.frame ?? null, line: null, ts: b.messages[failed]?.ts ?? null, message: failed },
      reregistered: { message: r3, delayMs: 2596, flowId: "flow-3" },
    },
    {
      flowId: flow2, aor: "sip:frank@example.net", instance: "<urn:uuid:00000000-0000-1000-8000-000a95a0e128>", regId: 2,
      transport: "tcp", ua: UA2, edge: EDGE, ob: true, outboundSupported: true, flowTimer: 120, registered: [r2],
      state: "active", keepalives: ka, failure: null, reregistered: null,
    },
  );
  b.diagnostic({ severity: "warning", code: "trackers.keepalive_unanswered", frame: 12, line: null, message: "CRLF ping from [2001:db8:0:1::55]:50312 got no pong within 10 s (flow-1)" });
}

/** REGISTER challenged with 401, then accepted. */
export function addRegister(b: SampleBuilder, at = 300_000): void {
  const C = REGISTER_CALL;
  const p = { from: "sip:alice@example.com", to: "sip:alice@example.com", fromTag: "rg1" };
  const r = b.add(at, { t: 0, src: ALICE, dst: PROXY, method: "REGISTER", uri: "sip:example.com", callId: C, cseq: [1, "REGISTER"], ...p });
  const unauth = b.add(at, { t: 15, src: PROXY, dst: ALICE, status: 401, reason: "Unauthorized", callId: C, cseq: [1, "REGISTER"], toTag: "px1", ...p });
  const r2 = b.add(at, { t: 40, src: ALICE, dst: PROXY, method: "REGISTER", uri: "sip:example.com", callId: C, cseq: [2, "REGISTER"], ...p });
  const ok = b.add(at, { t: 58, src: PROXY, dst: ALICE, status: 200, reason: "OK", callId: C, cseq: [2, "REGISTER"], toTag: "px1", ...p });
  b.annotate({
    message: unauth, kind: "generic", outcome: "seen", severity: "info", summary: "The registrar asks for credentials (digest challenge).",
    explanation: "401 carries a WWW-Authenticate challenge; the UA is expected to resend the REGISTER with an Authorization header.",
    nextSteps: ["If the next REGISTER is also rejected, check the username, password and realm."], refs: [r2], rfc: "RFC 3261 §22.2",
    details: { method: "REGISTER" },
  });
  b.call(C, [r, unauth, r2, ok], "request-ok", { finalStatus: 200 });
}

/** `n` short calls (busy, cancelled, completed ...) for call-list and search tests. */
export function addManyCalls(b: SampleBuilder, n: number, at = 400_000): void {
  const states: readonly [CallState, number, string][] = [
    ["completed", 200, "OK"],
    ["busy", 486, "Busy Here"],
    ["rejected", 603, "Decline"],
    ["failed", 503, "Service Unavailable"],
  ];
  for (let i = 0; i < n; i++) {
    const [state, status, reason] = states[i % states.length] ?? ["completed", 200, "OK"];
    const id = `bulk-${String(i).padStart(4, "0")}@pbx.example.com`;
    const p = { from: `sip:${1000 + i}@example.com`, to: `sip:${2000 + i}@example.com`, fromTag: `t${i}` };
    const start = at + i * 1500;
    const src = `10.1.${Math.floor(i / 200)}.${(i % 200) + 1}:5060`;
    const inv = b.add(start, { t: 0, src, dst: PROXY, method: "INVITE", uri: p.to, callId: id, cseq: [1, "INVITE"], ...p });
    const fin = b.add(start, { t: 300 + (i % 7) * 100, src: PROXY, dst: src, status, reason, callId: id, cseq: [1, "INVITE"], ...p });
    const ack = b.add(start, { t: 320 + (i % 7) * 100, src, dst: PROXY, method: "ACK", uri: p.to, callId: id, cseq: [1, "ACK"], ...p });
    if (status >= 300) {
      b.annotate({
        message: fin, kind: "generic", outcome: "seen", severity: status >= 500 ? "error" : "warning",
        summary: status === 486 ? "The callee is busy." : status === 603 ? "The callee declined the call." : "The server could not handle the request.",
        explanation: "A final non-2xx response ends the INVITE transaction; the caller ACKs it.", nextSteps: [], refs: [],
        rfc: "RFC 3261 §21", details: { method: "INVITE" },
      });
    }
    b.call(id, [inv, fin, ack], state, { finalStatus: status });
  }
}

export const ESC_RED = "\u001b[31m";
export const HOSTILE_CALL = `evil\u001b]0;pwned\u0007-<script>alert(1)</script>@x`;
export const LONG_VALUE = `sip:${"A".repeat(10_000)}@example.com`;

/** Hostile strings in every capture-derived field renderers print. */
export function addHostile(b: SampleBuilder, at = 500_000): void {
  const C = HOSTILE_CALL;
  const from = `sip:${ESC_RED}mallory\u001b[2J\u009b31m\u202egnp.exe@evil.example;x=</script><img src=x onerror=alert(1)>`;
  const to = LONG_VALUE;
  const inv = b.add(at, {
    t: 0, src: "203.0.113.66:5060", dst: PROXY, method: "INV\u0000ITE", uri: `sip:x@y;a="b\u007f|c"#frag;%%{init}%%`,
    callId: C, cseq: [1, "INVITE"], from, to, fromTag: "\u001b[5m", warnings: ["sip.header_control_chars"],
  });
  const fin = b.add(at, {
    t: 35, src: PROXY, dst: "203.0.113.66:5060", status: 488,
    reason: `Not Here\u001b[2J\r\nX-Injected: 1 <script>alert("r")</script> ; # end\u202e =cmd|' /C calc'!A0`,
    callId: C, cseq: [1, "INVITE"], from, to, toTag: "<b>tag</b>",
  });
  const nulls = b.add(at, { t: 40, src: null, dst: null, method: "OPTIONS", uri: "sip:ping@invalid", callId: C, cseq: [2, "OPTIONS"], from, to, noTime: true });
  b.annotate({
    message: fin, kind: "generic", outcome: "seen", severity: "error",
    summary: `The callee rejected the offer: ${ESC_RED}<script>alert('s')</script>\u202e; #`,
    explanation: `Reason from the capture: Not Here\u001b[2J — </script><script>alert(2)</script> ${"long ".repeat(200)}`,
    nextSteps: [`Check ${ESC_RED}the SDP\u0007 & <codecs>`, "=HYPERLINK(\"http://evil\")"], refs: [], rfc: null,
    details: { method: "INVITE" },
  });
  b.call(C, [inv, fin, nulls], "rejected", { finalStatus: 488 });
  b.diagnostic({
    severity: "error", code: "sip.header_control_chars", frame: b.messages[inv]?.frame ?? null, line: null,
    message: `Header From holds control characters: "${ESC_RED}mallory\u202e" (frame 1)`,
  });
}

export interface SampleDocument {
  readonly doc: AnalysisDocument;
  readonly raw: (index: number) => string | null;
}

function finish(b: SampleBuilder): SampleDocument {
  const doc = b.build();
  return { doc, raw: (i) => b.raws.get(i) ?? null };
}

export function sampleTransfer(): SampleDocument {
  const b = new SampleBuilder("blind-transfer.pcap");
  addBlindTransfer(b);
  return finish(b);
}

export function sampleHostile(): SampleDocument {
  const b = new SampleBuilder(`hostile\u001b[31m<script>.pcap`);
  addHostile(b);
  return finish(b);
}

/** Everything: transfer, redirect, 430 recovery, REGISTER, `bulk` short calls and the hostile call. */
export function sampleEverything(bulk = 12): SampleDocument {
  const b = new SampleBuilder();
  addBlindTransfer(b);
  addRedirect(b);
  addFlowRecovery(b);
  addRegister(b);
  addManyCalls(b, bulk);
  addHostile(b);
  b.diagnostic({ severity: "warning", code: "tcp.gap", frame: 77, line: null, message: "TCP stream [2001:db8::30]:5061 → [2001:db8:0:1::55]:50312 lost 1380 bytes at seq 48211" });
  return finish(b);
}
