/**
 * One RFC 5626 flow as the trace shows it: a registration of an instance (+sip.instance) and reg-id over one
 * connection (transport and 5-tuple) between the UA and its edge proxy, its keepalives, how it ended and
 * whether the UA registered that reg-id again.
 */
import type { FlowRecord, FlowRef } from "../../model/document.js";
import type { FlowFailureKind, FlowState } from "../../model/outcomes.js";
import { formatEndpoint, type Endpoint } from "../../model/endpoint.js";
import type { Origin } from "../../model/origin.js";
import { formatTimeIso } from "../../model/time.js";
import type { Transport } from "../../model/transport.js";

export interface FlowFailure {
  readonly kind: FlowFailureKind;
  readonly origin: Origin | null;
  readonly timeUs: number;
  readonly message: number | null;
}

/** A REGISTER for the reg-id of a failed flow, sent while the UA tries to restore it, and its final status. */
export interface RecoveryAttempt {
  readonly message: number;
  readonly timeUs: number;
  status: number | null;
}

export interface Flow {
  readonly seq: number;
  readonly id: string;
  readonly aor: string | null;
  readonly instance: string | null;
  readonly regId: number | null;
  readonly transport: Transport;
  readonly ua: Endpoint;
  readonly edge: Endpoint;
  readonly connKey: string;
  /** Built from the edge-to-registrar leg alone (the UA's own REGISTER is not in the trace). */
  readonly fromRelay: boolean;
  ob: boolean;
  outboundSupported: boolean;
  flowTimer: number | null;
  readonly registered: number[];
  state: FlowState;
  /** Registered Contact URIs (uriKey) and Path flow tokens (uriKey of the edge's Path entry). */
  readonly contactKeys: Set<string>;
  readonly tokens: Set<string>;
  pings: number;
  pongs: number;
  unanswered: number;
  stunRequests: number;
  stunResponses: number;
  lastPingUs: number | null;
  maxIntervalUs: number | null;
  lateCount: number;
  pendingPing: { readonly timeUs: number; readonly origin: Origin } | null;
  expiresAtUs: number | null;
  failure: FlowFailure | null;
  reregistered: { readonly message: number; readonly delayMs: number; readonly flowId: string } | null;
  emitted: boolean;
  /** Last sign of life: a pong, a STUN response, or a 2xx to its REGISTER. */
  lastAliveUs: number | null;
  /** After this flow failed: the UA's REGISTERs for its reg-id until one succeeded (RFC 5626 §4.5). */
  readonly attempts: RecoveryAttempt[];
  restored: boolean;
  /** The failed flow this one was created to replace. */
  recoversFrom: Flow | null;
}

/** Both directions of a connection share one key. */
export function connectionKey(transport: Transport, a: Endpoint, b: Endpoint): string {
  const x = formatEndpoint(a);
  const y = formatEndpoint(b);
  return `${transport}|${x < y ? `${x}|${y}` : `${y}|${x}`}`;
}

export function makeFlow(
  seq: number,
  f: { aor: string | null; instance: string | null; regId: number | null; transport: Transport; ua: Endpoint; edge: Endpoint; fromRelay?: boolean },
): Flow {
  return {
    seq,
    id: `${f.transport}:${formatEndpoint(f.ua)}>${formatEndpoint(f.edge)};reg-id=${f.regId === null ? "-" : String(f.regId)}#${seq}`,
    aor: f.aor,
    instance: f.instance,
    regId: f.regId,
    transport: f.transport,
    ua: f.ua,
    edge: f.edge,
    connKey: connectionKey(f.transport, f.ua, f.edge),
    fromRelay: f.fromRelay ?? false,
    ob: false,
    outboundSupported: false,
    flowTimer: null,
    registered: [],
    state: "registering",
    contactKeys: new Set(),
    tokens: new Set(),
    pings: 0,
    pongs: 0,
    unanswered: 0,
    stunRequests: 0,
    stunResponses: 0,
    lastPingUs: null,
    maxIntervalUs: null,
    lateCount: 0,
    pendingPing: null,
    expiresAtUs: null,
    failure: null,
    reregistered: null,
    emitted: false,
    lastAliveUs: null,
    attempts: [],
    restored: false,
    recoversFrom: null,
  };
}

export function isAlive(f: Flow): boolean {
  return f.state === "active" || f.state === "registering";
}

export function flowRefOf(f: Flow): FlowRef {
  return { flowId: f.id, regId: f.regId, transport: f.transport, ua: formatEndpoint(f.ua), edge: formatEndpoint(f.edge) };
}

export function toFlowRecord(f: Flow): FlowRecord {
  const fail = f.failure;
  return {
    flowId: f.id,
    aor: f.aor,
    instance: f.instance,
    regId: f.regId,
    transport: f.transport,
    ua: formatEndpoint(f.ua),
    edge: formatEndpoint(f.edge),
    ob: f.ob,
    outboundSupported: f.outboundSupported,
    flowTimer: f.flowTimer,
    registered: f.registered,
    state: f.state,
    keepalives: {
      pings: f.pings,
      pongs: f.pongs,
      unanswered: f.unanswered,
      stunRequests: f.stunRequests,
      stunResponses: f.stunResponses,
      maxIntervalMs: f.maxIntervalUs === null ? null : Math.round(f.maxIntervalUs / 1000),
      lateCount: f.lateCount,
    },
    failure:
      fail === null
        ? null
        : {
            kind: fail.kind,
            frame: fail.origin?.frame ?? null,
            line: fail.origin?.line ?? null,
            ts: formatTimeIso(fail.timeUs),
            message: fail.message,
          },
    reregistered: f.reregistered,
  };
}

/**
 * A re-registration attempt that failed in the RFC 5626 §4.5 sense: a final non-2xx other than a challenge (401/407
 * are answered with credentials, RFC 3261 §22.2, and are no failure to form the flow).
 */
export function isFailedAttempt(status: number): boolean {
  return status >= 300 && status !== 401 && status !== 407;
}

/** RFC 5626 §4.5: max-time 1800 s; base-time 30 s when every flow failed, 90 s when some still work. */
export const BACKOFF_MAX_MS = 1_800_000;

/**
 * RFC 5626 §4.5 wait before retrying to form a flow: W = min(max-time, base-time * 2^consecutive-failures), and
 * the UA waits a uniform random 50-100% of W.
 */
export function computeBackoffBounds(allFlowsFailed: boolean, consecutiveFailures: number): { readonly min: number; readonly max: number } {
  const base = allFlowsFailed ? 30_000 : 90_000;
  const w = Math.min(BACKOFF_MAX_MS, base * 2 ** Math.min(consecutiveFailures, 16));
  return { min: w / 2, max: w };
}
