/**
 * Hop copies: one request or response relayed by a stateful proxy is on the wire once per hop. Relaying a
 * request, the proxy puts its own Via on top and keeps the others (RFC 3261 §16.6 step 8); relaying a response,
 * it removes its own top Via and leaves the rest as they were (§16.7 step 3). So the
 * copy on the hop further from the UAC carries, under one more top Via, exactly the Vias of the copy on the hop
 * before it, with the same Call-ID, CSeq and method (and, for a response, the same status and To tag). This
 * links such copies into one event, named by the index of the first copy seen, whatever order they arrive in.
 *
 * Not linked: 100 Trying (hop by hop: §16.7 step 5 forwards every provisional response but 100); retransmissions (their first
 * copy is linked). The ACK of a non-2xx final and CANCEL are sent by each hop itself with only its own Via
 * (§17.1.1.3, §16.10), so they link to nothing. Bounded: an entry is forgotten 64*T1 after it was seen.
 */
import type { Endpoint } from "../model/endpoint.js";
import type { SipMessage } from "../sip/message.js";
import type { Via } from "../sip/values/via.js";
import { ExpiryQueue } from "../util/expiry-queue.js";

/** How long a copy waits for its next or previous hop (RFC 3261 §17.1.1.1: 64*T1). */
const LINK_WINDOW_US = 32_000_000;

export interface HopFacts {
  /** The hop: the two endpoints of the copy, unordered ("a|b"); without addresses, the log it came from. */
  readonly hop: string | null;
  /** Via headers on this copy: 1 from the UA, one more per proxy that relayed it. */
  readonly viaDepth: number;
  /** The first copy of the same event seen on another hop (its message index), or null for a first copy. */
  readonly eventOf: number | null;
}

interface Entry {
  readonly index: number;
  /** Index of the event's first copy (this entry's own index when it is that copy). */
  readonly event: number;
}

/** The unordered pair of endpoints a message travelled between: the hop it was seen on. */
export function hopKey(src: Endpoint | null, dst: Endpoint | null): string | null {
  if (src === null || dst === null) return null;
  const a = `${src.ip}:${src.port}`;
  const b = `${dst.ip}:${dst.port}`;
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Same sender (IP; the port is left out because TCP replies may come from another socket) on both sides. */
export function sameHost(a: Endpoint | null, b: Endpoint | null): boolean {
  return a === null || b === null || a.ip === b.ip;
}

export class HopLinker {
  /** Copies by the key of their top Via: where a copy one hop further from the UAC finds this one. */
  private readonly asUpper = new Map<string, Entry>();
  /** Copies by the key of their second Via: where the copy one hop closer to the UAC finds this one. */
  private readonly asLower = new Map<string, Entry>();
  private readonly expiry = new ExpiryQueue<{ readonly map: Map<string, Entry>; readonly key: string; readonly entry: Entry }>();

  /** Links `msg` (not a retransmission) to the copies of its event seen on other hops. */
  observe(msg: SipMessage, nowUs: number, retransmission: boolean): HopFacts {
    for (const e of this.expiry.popDue(nowUs)) if (e.map.get(e.key) === e.entry) e.map.delete(e.key);
    const p = msg.payload;
    // Without addresses (a UA's own log), the log itself is the capture point: one party's side of its hops.
    const hop = hopKey(p.src, p.dst) ?? `file:${p.origin.file}`;
    const vias = msg.vias;
    const viaDepth = vias.length;
    if (retransmission || !linkable(msg)) return { hop, viaDepth, eventOf: null };
    const top = vias[0];
    const second = vias[1];
    const upperKey = top === undefined ? null : eventKey(msg, top);
    const lowerKey = second === undefined ? null : eventKey(msg, second);
    // A copy one hop closer to the UAC seen earlier (a request going downstream), or one hop further (a response
    // coming back upstream, or a request seen out of order).
    const found = (lowerKey === null ? undefined : this.asUpper.get(lowerKey)) ?? (upperKey === null ? undefined : this.asLower.get(upperKey));
    const entry: Entry = { index: msg.index, event: found?.event ?? msg.index };
    if (upperKey !== null) this.remember(this.asUpper, upperKey, entry, nowUs);
    if (lowerKey !== null) this.remember(this.asLower, lowerKey, entry, nowUs);
    return { hop, viaDepth, eventOf: found === undefined ? null : found.event };
  }

  private remember(map: Map<string, Entry>, key: string, entry: Entry, nowUs: number): void {
    map.set(key, entry);
    this.expiry.push(nowUs + LINK_WINDOW_US, { map, key, entry });
  }
}

/**
 * 100 Trying is hop by hop. A proxy's own ACK of a non-2xx and its CANCEL carry only its own Via, so they never
 * match another hop's copy and need no rule here.
 */
function linkable(msg: SipMessage): boolean {
  if (msg.callId === null || msg.cseq === null) return false;
  return msg.kind === "request" || msg.status !== 100;
}

/** The event as one Via sees it: that Via's branch and sent-by, plus what every copy of the event shares. */
function eventKey(msg: SipMessage, via: Via): string {
  const cseq = msg.cseq;
  const what = msg.kind === "request" ? msg.method : `${msg.status}\u0000${msg.toTag ?? ""}`;
  return `${via.branch ?? ""}\u0000${via.host.toLowerCase()}:${via.port ?? ""}\u0000${msg.callId ?? ""}\u0000${cseq?.seq ?? ""}\u0000${cseq?.method ?? ""}\u0000${what}`;
}
