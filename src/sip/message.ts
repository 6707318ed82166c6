/**
 * A parsed SIP message. The fields framing and correlation need (start line, Call-ID, CSeq, tags, top Via
 * branch, Content-Length) are extracted from bytes when the message is parsed; every other header is
 * decoded and parsed into a typed value on first access and cached. A header that fails to parse yields
 * null (or is left out of a list) and one `sip.bad_header` diagnostic naming it; the message is kept.
 */
import type { DiagnosticSink } from "../diagnostics/sink.js";
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import type { DiagnosticCode } from "../diagnostics/catalogue.js";
import type { SipPayload } from "../model/trace-event.js";
import { originRef } from "../model/origin.js";
import { decodeText, parseUint } from "./bytes.js";
import type { HeaderIndex } from "./header-index.js";
import { isFolded } from "./header-index.js";
import { LIST_HEADERS, canonicalLowerName, displayName } from "./header-names.js";
import { parseNameAddr, type NameAddr } from "./name-addr.js";
import { splitHeaderList } from "./split-list.js";
import { parseUri, type SipUri } from "./uri.js";
import { parseSipfrag, splitMultipart, summarizeSdp, type BodyPart, type SdpSummary, type SipfragStatus } from "./body.js";
import { parseContact, type ContactValue } from "./values/contact.js";
import { type CSeq } from "./values/cseq.js";
import { parseEvent, parseSubscriptionState, type EventHeader, type SubscriptionState } from "./values/event.js";
import { parseMediaType, type MediaType } from "./values/media-type.js";
import { parseDialogId, parseReferSub, parseReferTo, parseTargetDialog, type DialogId, type ReferTo } from "./values/refer.js";
import { parseVia, type Via } from "./values/via.js";

export interface HeaderField {
  /** Name as written (compact forms not expanded). */
  readonly name: string;
  /** Lower-case full name (compact forms expanded). */
  readonly key: string;
  readonly value: string;
}

/** Fields set by the parser from bytes (the fast path). */
export interface FastFields {
  readonly callId: string | null;
  readonly cseq: CSeq | null;
  readonly fromTag: string | null;
  readonly toTag: string | null;
  readonly branch: string | null;
  /** Content-Length as written; null when absent or unparsable. */
  readonly contentLength: number | null;
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

abstract class SipMessageCore {
  /** Position in the analysis (0-based), assigned by the pipeline; -1 until then. */
  index = -1;
  private warningList: DiagnosticCode[] | null = null;

  readonly callId: string | null;
  readonly cseq: CSeq | null;
  readonly fromTag: string | null;
  readonly toTag: string | null;
  /** Branch of the top Via (RFC 3261 §8.1.1.7); null without one. */
  readonly branch: string | null;
  readonly contentLength: number | null;

  private fieldCache: HeaderField[] | null = null;
  /** Lower-case full name → indices into `fields`, built with the fields. */
  private fieldIndex: Map<string, number[]> | null = null;
  // Created on first use: most messages on the fast path never need them.
  private valueCache: Map<string, unknown> | null = null;
  private reported: Set<string> | null = null;

  constructor(
    readonly payload: SipPayload,
    protected readonly index_: HeaderIndex,
    fast: FastFields,
    private readonly sink: DiagnosticSink,
  ) {
    this.callId = fast.callId;
    this.cseq = fast.cseq;
    this.fromTag = fast.fromTag;
    this.toTag = fast.toTag;
    this.branch = fast.branch;
    this.contentLength = fast.contentLength;
    this.bodyStart = fast.bodyStart;
    this.bodyEnd = fast.bodyEnd;
  }

  private readonly bodyStart: number;
  private readonly bodyEnd: number;

  /** Diagnostic codes raised on this message. */
  get warnings(): readonly DiagnosticCode[] {
    return this.warningList ?? [];
  }

  get bytes(): Buffer {
    return this.payload.bytes;
  }

  /**
   * Drops the decoded header caches (they are rebuilt on demand). The pipeline calls this once a message has been
   * analysed: correlation may keep a message for a while, and its caches are most of its weight.
   */
  compact(): void {
    this.fieldCache = null;
    this.fieldIndex = null;
    this.valueCache = null;
  }

  /** Raises a diagnostic on this message (once per code and subject). */
  warn(code: DiagnosticCode, message: string, subject = ""): void {
    const key = `${code}|${subject}`;
    this.reported ??= new Set();
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.warningList ??= [];
    if (!this.warningList.includes(code)) this.warningList.push(code);
    const d = makeDiagnostic(code, originRef(this.payload.origin), message);
    this.sink.report(this.index >= 0 ? { ...d, messageIndex: this.index } : d);
  }

  /** Every header field in order, decoded (folded lines joined with one space, RFC 3261 §7.3.1). */
  get fields(): readonly HeaderField[] {
    if (this.fieldCache !== null) return this.fieldCache;
    const ix = this.index_;
    const buf = this.payload.bytes;
    const out: HeaderField[] = [];
    const byKey = new Map<string, number[]>();
    for (let k = 0; k < ix.count; k++) {
      const o = k * 4;
      const name = decodeText(buf, ix.offsets[o] ?? 0, ix.offsets[o + 1] ?? 0);
      let value = decodeText(buf, ix.offsets[o + 2] ?? 0, ix.offsets[o + 3] ?? 0);
      if (isFolded(ix, k)) value = value.replace(/\r?\n[ \t]+/g, " ");
      const key = canonicalLowerName(name);
      const list = byKey.get(key);
      if (list === undefined) byKey.set(key, [out.length]);
      else list.push(out.length);
      out.push({ name, key, value: value.trim() });
    }
    this.fieldCache = out;
    this.fieldIndex = byKey;
    return out;
  }

  /** First value of a header (name case-insensitive, compact form accepted); null when absent. */
  header(name: string): string | null {
    const fields = this.fields;
    const first = this.fieldIndex?.get(canonicalLowerName(name))?.[0];
    return first === undefined ? null : (fields[first]?.value ?? null);
  }

  /** Every value of a header; list headers (RFC 3261 §7.3.1) are split on commas outside quotes and `<...>`. */
  headerValues(name: string): readonly string[] {
    const key = canonicalLowerName(name);
    const fields = this.fields;
    const at = this.fieldIndex?.get(key);
    if (at === undefined) return [];
    const out: string[] = [];
    const split = LIST_HEADERS.has(key);
    for (const k of at) {
      const v = fields[k]?.value ?? "";
      if (split) out.push(...splitHeaderList(v));
      else out.push(v);
    }
    return out;
  }

  hasHeader(name: string): boolean {
    return this.header(name) !== null;
  }

  private cached<T>(key: string, make: () => T): T {
    this.valueCache ??= new Map();
    // Values are never undefined (absent headers cache null), so one lookup decides.
    const hit = this.valueCache.get(key);
    if (hit !== undefined) return hit as T;
    const v = make();
    this.valueCache.set(key, v);
    return v;
  }

  private badHeader(name: string, error: string): void {
    this.warn("sip.bad_header", `${displayName(name)} header does not parse: ${error}`, name);
  }

  private nameAddr(name: string): NameAddr | null {
    return this.cached(name, () => {
      const v = this.header(name);
      if (v === null) return null;
      const r = parseNameAddr(v);
      if (!r.ok) this.badHeader(name, r.error);
      return r.value;
    });
  }

  private nameAddrList(name: string): readonly NameAddr[] {
    return this.cached(`${name}[]`, () =>
      this.headerValues(name).map((v) => {
        const r = parseNameAddr(v);
        if (!r.ok) this.badHeader(name, r.error);
        return r.value;
      }),
    );
  }

  private tokens(name: string): readonly string[] {
    return this.cached(`${name}#tokens`, () => this.headerValues(name).map((t) => t.toLowerCase()));
  }

  get from(): NameAddr | null {
    return this.nameAddr("from");
  }

  get to(): NameAddr | null {
    return this.nameAddr("to");
  }

  get vias(): readonly Via[] {
    return this.cached("via[]", () => {
      const out: Via[] = [];
      for (const v of this.headerValues("via")) {
        const r = parseVia(v);
        if (r.ok) out.push(r.value);
        else this.badHeader("via", r.error);
      }
      return out;
    });
  }

  get topVia(): Via | null {
    return this.vias[0] ?? null;
  }

  get contacts(): readonly ContactValue[] {
    return this.cached("contact[]", () =>
      this.headerValues("contact").map((v) => {
        const r = parseContact(v);
        if (!r.ok) this.badHeader("contact", r.error);
        return r.value;
      }),
    );
  }

  get routes(): readonly NameAddr[] {
    return this.nameAddrList("route");
  }

  get recordRoutes(): readonly NameAddr[] {
    return this.nameAddrList("record-route");
  }

  /** Path (RFC 3327), where RFC 5626 §5.1 puts the edge proxy's `;ob` flow token. */
  get paths(): readonly NameAddr[] {
    return this.nameAddrList("path");
  }

  get referTo(): ReferTo | null {
    return this.parsedHeader("refer-to", (v) => {
      const r = parseReferTo(v);
      if (!r.ok) this.badHeader("refer-to", r.error);
      return r.value;
    });
  }

  get referredBy(): NameAddr | null {
    return this.nameAddr("referred-by");
  }

  /** Replaces (RFC 3891 §6.1) of an INVITE. */
  get replaces(): DialogId | null {
    return this.parsedHeader("replaces", (v) => {
      const d = parseDialogId(v);
      if (d === null) this.badHeader("replaces", "no Call-ID");
      return d;
    });
  }

  /** Target-Dialog (RFC 4538). */
  get targetDialog(): DialogId | null {
    return this.parsedHeader("target-dialog", parseTargetDialog);
  }

  get event(): EventHeader | null {
    return this.parsedHeader("event", parseEvent);
  }

  get subscriptionState(): SubscriptionState | null {
    return this.parsedHeader("subscription-state", parseSubscriptionState);
  }

  /** The first value of `name` through `parse` (which reports what it cannot use and returns null); cached. */
  private parsedHeader<T>(name: string, parse: (value: string) => T | null): T | null {
    return this.cached(name, () => {
      const v = this.header(name);
      return v === null ? null : parse(v);
    });
  }

  /** Refer-Sub (RFC 4488 §4): true/false, null when absent or not a boolean. */
  get referSub(): boolean | null {
    return this.cached("refer-sub", () => {
      const v = this.header("refer-sub");
      if (v === null) return null;
      const b = parseReferSub(v);
      if (b === null) this.badHeader("refer-sub", `expected true or false, got ${JSON.stringify(v.slice(0, 40))}`);
      return b;
    });
  }

  get supported(): readonly string[] {
    return this.tokens("supported");
  }

  get require(): readonly string[] {
    return this.tokens("require");
  }

  /** Flow-Timer seconds (RFC 5626 §10.2), in a 2xx to REGISTER. */
  get flowTimer(): number | null {
    return this.numberHeader("flow-timer");
  }

  get maxForwards(): number | null {
    return this.numberHeader("max-forwards");
  }

  get expires(): number | null {
    return this.numberHeader("expires");
  }

  private numberHeader(name: string): number | null {
    return this.cached(`${name}#n`, () => {
      const v = this.header(name);
      if (v === null) return null;
      const buf = Buffer.from(v, "latin1");
      const n = parseUint(buf, 0, buf.length);
      if (n < 0) {
        this.badHeader(name, `not a number: ${JSON.stringify(v.slice(0, 40))}`);
        return null;
      }
      return n;
    });
  }

  get contentType(): MediaType | null {
    return this.cached("content-type", () => {
      const v = this.header("content-type");
      if (v === null) return null;
      const m = parseMediaType(v);
      if (m === null) this.badHeader("content-type", `not type/subtype: ${JSON.stringify(v.slice(0, 40))}`);
      return m;
    });
  }

  get userAgent(): string | null {
    return this.header("user-agent");
  }

  get server(): string | null {
    return this.header("server");
  }

  /** The body as Content-Length cuts it (or to the end of the payload). */
  get body(): Buffer {
    return this.payload.bytes.subarray(this.bodyStart, this.bodyEnd);
  }

  /** Status line of a `message/sipfrag` body (NOTIFY for REFER, RFC 3515 §2.4.5); null otherwise. */
  get sipfrag(): SipfragStatus | null {
    return this.cached("#sipfrag", () => {
      const ct = this.contentType;
      if (ct?.essence !== "message/sipfrag") return null;
      const s = parseSipfrag(this.body);
      if (s === null) this.warn("sip.bad_sipfrag", "message/sipfrag body does not start with a SIP status line");
      return s;
    });
  }

  get sdp(): SdpSummary | null {
    return this.cached("#sdp", () => {
      const ct = this.contentType;
      if (ct?.essence !== "application/sdp") return null;
      try {
        return summarizeSdp(this.body);
      } catch (e) {
        this.warn("sip.bad_sdp", `SDP body does not parse: ${e instanceof Error ? e.message : String(e)}`);
        return null;
      }
    });
  }

  get bodyParts(): readonly BodyPart[] {
    return this.cached("#parts", () => {
      const ct = this.contentType;
      if (ct?.type !== "multipart") return [];
      const parts = splitMultipart(this.body, ct);
      if (parts === null) {
        this.warn("sip.bad_multipart", "multipart body without a boundary parameter");
        return [];
      }
      return parts;
    });
  }

  /** Parses every header into its typed value (for `lint`, the bench, and eager consumers). */
  materializeAll(): number {
    let n = 0;
    const touch = (v: unknown): void => {
      if (v !== null && v !== undefined) n++;
    };
    touch(this.from);
    touch(this.to);
    n += this.vias.length + this.contacts.length + this.routes.length + this.recordRoutes.length + this.paths.length;
    touch(this.referTo);
    touch(this.referredBy);
    touch(this.replaces);
    touch(this.targetDialog);
    touch(this.event);
    touch(this.subscriptionState);
    touch(this.referSub);
    n += this.supported.length + this.require.length;
    touch(this.flowTimer);
    touch(this.maxForwards);
    touch(this.expires);
    touch(this.contentType);
    touch(this.userAgent);
    touch(this.server);
    for (const [key, at] of this.fieldIndex ?? new Map<string, number[]>()) {
      n += LIST_HEADERS.has(key) ? this.headerValues(key).length : at.length;
    }
    return n;
  }
}

export class SipRequest extends SipMessageCore {
  readonly kind = "request" as const;
  constructor(
    payload: SipPayload,
    index: HeaderIndex,
    fast: FastFields,
    sink: DiagnosticSink,
    readonly method: string,
    readonly uri: string,
  ) {
    super(payload, index, fast, sink);
  }

  /** The Request-URI parsed (RFC 3261 §19.1); cached. */
  get requestUri(): SipUri {
    const r = parseUri(this.uri);
    if (!r.ok) this.warn("sip.bad_request_uri", `Request-URI does not parse: ${r.error}`);
    return r.uri;
  }
}

export class SipResponse extends SipMessageCore {
  readonly kind = "response" as const;
  constructor(
    payload: SipPayload,
    index: HeaderIndex,
    fast: FastFields,
    sink: DiagnosticSink,
    readonly status: number,
    readonly reason: string,
  ) {
    super(payload, index, fast, sink);
  }
}

export type SipMessage = SipRequest | SipResponse;
