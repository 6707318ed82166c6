/**
 * The JSON output contract, version 1 (docs/json-output.md, docs/schema/analysis.schema.json).
 * Other tools depend on these shapes: fields may be added, never renamed or removed.
 * Renderers read only these types; they never re-parse SIP.
 */
import type { Carrier } from "./trace-event.js";
import type { TimePrecision } from "./time.js";
import type { Transport } from "./transport.js";
import type {
  AcceptedOutcome,
  ChallengeOutcome,
  FlowFailureKind,
  FlowOutcome,
  FlowState,
  GenericOutcome,
  RedirectOutcome,
  ReferOutcome,
  Severity,
} from "./outcomes.js";

export const SCHEMA_VERSION = 1;

export type Lang = "en" | "vi" | "zh";

/** One SIP message: the `sipta messages --format ndjson` line and `messages[]` of the analysis document. */
export interface MessageRecord {
  readonly index: number;
  readonly file: string;
  readonly frame: number | null;
  readonly line: number | null;
  readonly frames: readonly number[];
  /** RFC 3339 UTC with microseconds; null when the source gave no time. */
  readonly ts: string | null;
  readonly timePrecision: TimePrecision;
  readonly src: string | null;
  readonly dst: string | null;
  readonly addressesInferred: boolean;
  readonly transport: Transport;
  readonly carrier: Carrier;
  readonly method: string | null;
  readonly uri: string | null;
  readonly status: number | null;
  readonly reason: string | null;
  readonly callId: string | null;
  readonly cseq: { readonly seq: number; readonly method: string } | null;
  readonly fromUri: string | null;
  readonly fromTag: string | null;
  readonly toUri: string | null;
  readonly toTag: string | null;
  readonly branch: string | null;
  readonly size: number;
  /** Same transaction and same bytes as an earlier message (RFC 3261 §17 retransmission). */
  readonly retransmissionOf: number | null;
  /** Index of the plain message this HEP mirror copy duplicates. */
  readonly copyOf: number | null;
  /** The hop this copy was seen on (always written by sipta; optional for records made by older versions). */
  readonly hop?: HopRecord;
  /**
   * The first copy of the same request or response seen on another hop (relayed by a stateful proxy: same
   * Call-ID, CSeq and method, one Via more or less), or null. Set by `analyze`; always null in `sipta messages`.
   */
  readonly sameEventAs?: number | null;
  /** Diagnostic codes raised on this message (details in `diagnostics`). */
  readonly warnings: readonly string[];
}

/** Where one copy of a message was seen: the two endpoints of its hop and how many Vias it carried. */
export interface HopRecord {
  /** The two endpoints (`ip:port`), sorted; null when the source gave no addresses. */
  readonly peers: readonly [string, string] | null;
  /** Via headers on this copy: 1 from the UA that sent it, one more per proxy that relayed it (RFC 3261 §16.6 step 8). */
  readonly viaDepth: number;
}

export type CallState =
  | "setup"
  | "ringing"
  | "in-call"
  | "completed"
  | "cancelled"
  | "busy"
  | "rejected"
  | "redirected"
  | "failed"
  | "request-ok"
  | "request-failed"
  | "request-pending";

export type CallLinkReason = "replaces" | "refer" | "redirect" | "target-dialog" | "correlation-header";

export interface CallLink {
  readonly callId: string;
  readonly reason: CallLinkReason;
  /** The message that establishes the link (e.g. the INVITE carrying Replaces). */
  readonly message: number;
}

export interface CallRecord {
  readonly callId: string;
  readonly messages: readonly number[];
  readonly linkedCallIds: readonly string[];
  readonly links: readonly CallLink[];
  readonly state: CallState;
  /** Method of the first request (INVITE, REGISTER, SUBSCRIBE ...). */
  readonly method: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly startTs: string | null;
  readonly endTs: string | null;
  readonly durationMs: number | null;
  /** Final status of the initial request, when seen. */
  readonly finalStatus: number | null;
  readonly dialogs: number;
  readonly transactions: number;
  readonly retransmissions: number;
  /** Outcomes of the annotations on this call's messages (not generic ones). */
  readonly outcomes: readonly string[];
}

export interface SipfragNotify {
  readonly message: number;
  readonly status: number | null;
  readonly reason: string | null;
  readonly subscriptionState: string | null;
  readonly terminatedReason: string | null;
}

export interface ReferDetails {
  /** The REFER's index; null when the REFER itself is not in the trace. */
  readonly referMessage: number | null;
  readonly referTo: string | null;
  readonly referredBy: string | null;
  readonly replaces: boolean;
  /** When Refer-To carries Replaces: whether the dialog it names is in the trace (null: no Replaces). */
  readonly replacesDialogFound: boolean | null;
  readonly replacesCallId: string | null;
  readonly inDialog: boolean;
  readonly eventId: string | null;
  /** Refer-Sub value of the REFER (RFC 4488); null when absent. */
  readonly referSub: boolean | null;
  readonly notifies: readonly SipfragNotify[];
  readonly finalStatus: number | null;
  readonly finalNotify: number | null;
  /** From the 2xx to the final NOTIFY, ms. */
  readonly finalDelayMs: number | null;
  /** The INVITE the REFER caused, when it is in the trace. */
  readonly newCallId: string | null;
  readonly newInvite: number | null;
  readonly newCallStatus: number | null;
  /** NOTIFYs that were answered 481 (subscription gone). */
  readonly notify481: readonly number[];
  /** Seconds of capture time after the 2xx that were observed (trace end or dialog end). */
  readonly observedAfterMs: number | null;
  /** Every NOTIFY of this transfer answered with an error (400, 481, ...), with that answer: part of the transfer's story. */
  readonly notifyErrors: readonly ReferNotifyError[];
  /**
   * The first BYE of the REFER's dialog seen before the finding was decided, who sent it, and ms after the annotated
   * response (null when the verdict was settled before any BYE). A BYE ends the invite
   * usage only, not the refer subscription (RFC 5057 §4), so NOTIFYs are still owed after it.
   */
  readonly dialogBye: { readonly message: number; readonly byTransferor: boolean; readonly afterMs: number | null } | null;
  /**
   * The transferor's BYE to the transferee right after a non-2xx final NOTIFY, with no re-INVITE to resume the call
   * before it: the transferor dropped the transferee instead of recovering the call (RFC 5589). Null otherwise.
   */
  readonly droppedBy: number | null;
}

export interface ReferNotifyError {
  readonly notify: number;
  readonly status: number;
  readonly reason: string | null;
}

export interface RedirectContact {
  readonly uri: string;
  readonly q: number | null;
}

export interface RedirectDetails {
  readonly request: number | null;
  readonly requestUri: string | null;
  readonly contacts: readonly RedirectContact[];
  readonly ack: number | null;
  readonly retry: number | null;
  readonly retryUri: string | null;
  readonly retryCallId: string | null;
  readonly retryStatus: number | null;
  /** Later retries to further Contacts, in order. */
  readonly retries: readonly { readonly message: number; readonly uri: string; readonly status: number | null }[];
  readonly toPreserved: boolean | null;
  readonly loopTarget: string | null;
  /** The 3xx status and what RFC 3261 §21.3 says it means for the client. */
  readonly status: number;
  readonly meaning: "multiple-choices" | "moved-permanently" | "moved-temporarily" | "use-proxy" | "alternative-service" | "other";
}

export interface FlowRef {
  readonly flowId: string;
  readonly regId: number | null;
  readonly transport: Transport;
  readonly ua: string;
  readonly edge: string;
}

export interface FlowAnnotationDetails {
  readonly aor: string | null;
  readonly instance: string | null;
  readonly regId: number | null;
  readonly flowId: string | null;
  readonly otherFlows: readonly FlowRef[];
  readonly retriedOnOtherFlow: boolean;
  readonly retry: number | null;
  readonly retryStatus: number | null;
  readonly reregistered: boolean;
  readonly reregister: number | null;
  readonly reregisterDelayMs: number | null;
  /** RFC 5626 §4.5 backoff bounds for the first retry, ms. */
  readonly expectedBackoffMs: { readonly min: number; readonly max: number } | null;
  /**
   * Whether the wait between a failed re-registration attempt and the next lies within the RFC 5626 §4.5 bounds in
   * `expectedBackoffMs` (null: no failed attempt, or no next one seen). The first re-registration after a flow
   * failure is meant to come at once and is never judged against the back-off.
   */
  readonly backoffRespected: boolean | null;
  /** The failure the trace showed before the 430 (connection closed or reset, unanswered keepalive), ms before it. */
  readonly priorFailure: { readonly kind: FlowFailureKind; readonly beforeMs: number } | null;
  /** Flow-Timer the registrar gave the flow (RFC 5626 §10.2), seconds. */
  readonly flowTimer: number | null;
  /**
   * By when (ms after the 430; negative: before it) the UA should have noticed the failure: at a failure it saw itself,
   * else one Flow-Timer after its last sign of life plus the 10 s a CRLF pong may take (RFC 5626 §4.4.1). Null: unknown.
   */
  readonly noticeByMs: number | null;
  /** The re-registration came later than `noticeByMs` (plus a few seconds' slack). */
  readonly noticedLate: boolean | null;
  /** The first re-registration attempt, when it failed (the §4.5 back-off applies from it), and the gap to the next. */
  readonly failedAttempt: number | null;
  readonly nextAttemptGapMs: number | null;
  /** 439: what made the registrar refuse, quoted from the trace (RFC 5626 §6). */
  readonly trigger: Trigger439Record | null;
  /** 439: this copy is the first hop relaying the 439 generated as message `relayedFrom` (one event, two hops). */
  readonly relayedFrom: number | null;
}

export interface Trigger439Record {
  /** reg-id in the REGISTER's Contact. */
  readonly regId: number | null;
  /** `Supported: outbound` in the REGISTER. */
  readonly supportedOutbound: boolean;
  /** The Path header as the registrar received it (cut at 200 characters), null when absent. */
  readonly path: string | null;
  /** Whether its first entry has `;ob` (null: no Path). */
  readonly pathHasOb: boolean | null;
  /** P-Registrar-Error of the 439, when the registrar sent one. */
  readonly registrarError: string | null;
}

export interface AcceptedDetails {
  readonly method: string | null;
}

/** An authentication challenge (401 / 407, RFC 3261 §22.2, §22.3) and the request re-sent with credentials. */
export interface ChallengeDetails {
  /** The challenged request's method. */
  readonly method: string | null;
  /** The challenged request (its index), when in the trace. */
  readonly request: number | null;
  /** WWW-Authenticate (401, from a UAS or registrar) or Proxy-Authenticate (407, from a proxy). */
  readonly header: "WWW-Authenticate" | "Proxy-Authenticate";
  /** Scheme and realm of the first challenge (e.g. Digest, "sipta.test"); null when absent. */
  readonly scheme: string | null;
  readonly realm: string | null;
  /** `stale=true`: the nonce had expired, the credentials themselves were fine (RFC 2617 §3.2.1). */
  readonly stale: boolean;
  /** The same request re-sent with credentials (Authorization / Proxy-Authorization), higher CSeq. */
  readonly resent: number | null;
  readonly resentCseq: number | null;
  /** The final status of the re-sent request, when seen. */
  readonly resentStatus: number | null;
  /** From the challenge to the re-sent request, ms. */
  readonly resendDelayMs: number | null;
}
export interface GenericDetails {
  readonly method: string | null;
}

interface AnnotationBase {
  readonly message: number;
  readonly file: string;
  readonly frame: number | null;
  readonly line: number | null;
  readonly ts: string | null;
  readonly code: number;
  readonly reason: string | null;
  readonly callId: string | null;
  readonly severity: Severity;
  readonly summary: string;
  readonly explanation: string;
  readonly nextSteps: readonly string[];
  /** Other message indices the finding rests on (NOTIFYs, retries, re-registrations). */
  readonly refs: readonly number[];
  readonly rfc: string | null;
  /**
   * The first copy of the annotated response seen on another hop, or null when this is the first (or only) copy.
   * Counts (summary outcomes, call outcomes) count an event once, on its first copy.
   */
  readonly sameEventAs?: number | null;
  /** Every copy of the annotated response, one per hop it was seen on, this one included (message indices). */
  readonly hops?: readonly number[];
}

export type AnnotationRecord =
  | (AnnotationBase & { readonly kind: "refer"; readonly outcome: ReferOutcome; readonly details: ReferDetails })
  | (AnnotationBase & { readonly kind: "redirect"; readonly outcome: RedirectOutcome; readonly details: RedirectDetails })
  | (AnnotationBase & { readonly kind: "flow"; readonly outcome: FlowOutcome; readonly details: FlowAnnotationDetails })
  | (AnnotationBase & { readonly kind: "accepted"; readonly outcome: AcceptedOutcome; readonly details: AcceptedDetails })
  | (AnnotationBase & { readonly kind: "challenge"; readonly outcome: ChallengeOutcome; readonly details: ChallengeDetails })
  | (AnnotationBase & { readonly kind: "generic"; readonly outcome: GenericOutcome; readonly details: GenericDetails });

export interface FlowRecord {
  readonly flowId: string;
  readonly aor: string | null;
  readonly instance: string | null;
  readonly regId: number | null;
  readonly transport: Transport;
  readonly ua: string;
  readonly edge: string;
  readonly ob: boolean;
  readonly outboundSupported: boolean;
  readonly flowTimer: number | null;
  /** REGISTER messages (indices) that created or refreshed this flow. */
  readonly registered: readonly number[];
  readonly state: FlowState;
  readonly keepalives: {
    readonly pings: number;
    readonly pongs: number;
    readonly unanswered: number;
    readonly stunRequests: number;
    readonly stunResponses: number;
    readonly maxIntervalMs: number | null;
    /** Pings spaced further apart than Flow-Timer allows (RFC 5626 §4.4). */
    readonly lateCount: number;
  };
  readonly failure: { readonly kind: FlowFailureKind; readonly frame: number | null; readonly line: number | null; readonly ts: string | null; readonly message: number | null } | null;
  readonly reregistered: { readonly message: number; readonly delayMs: number; readonly flowId: string } | null;
}

export interface DiagnosticRecord {
  readonly severity: "error" | "warning" | "info";
  readonly code: string;
  readonly file: string | null;
  readonly frame: number | null;
  readonly line: number | null;
  readonly message: string;
}

export interface FileSummary {
  readonly path: string;
  readonly format: string;
  readonly messages: number;
  readonly bytes: number;
}

export interface AnalysisSummary {
  readonly messages: number;
  readonly requests: number;
  readonly responses: number;
  readonly retransmissions: number;
  readonly calls: number;
  readonly dialogs: number;
  readonly transactions: number;
  readonly flows: number;
  readonly firstTs: string | null;
  readonly lastTs: string | null;
  readonly methods: Readonly<Record<string, number>>;
  readonly statuses: Readonly<Record<string, number>>;
  /** `kind:outcome` → count, generic ones excluded. */
  readonly outcomes: Readonly<Record<string, number>>;
  readonly diagnostics: Readonly<Record<string, number>>;
  /** Diagnostics counted but not kept in `diagnostics` (the list is capped per code). */
  readonly diagnosticsDropped: number;
}

export interface AnalysisDocument {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: "sipta"; readonly version: string };
  readonly lang: Lang;
  readonly files: readonly FileSummary[];
  readonly summary: AnalysisSummary;
  readonly messages: readonly MessageRecord[];
  readonly calls: readonly CallRecord[];
  readonly annotations: readonly AnnotationRecord[];
  readonly flows: readonly FlowRecord[];
  readonly diagnostics: readonly DiagnosticRecord[];
}
