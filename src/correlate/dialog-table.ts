/**
 * Dialogs (RFC 3261 §12): Call-ID plus the two tags. A third party cannot tell local from remote, so the key
 * takes the tags unordered. A provisional response with a To tag creates an early dialog (§12.1), a 2xx a
 * confirmed one; one INVITE answered with several To tags has forked (§13.2.2.4), a dialog per tag.
 */
import type { SipMessage } from "../sip/message.js";

export type DialogState = "early" | "confirmed" | "terminated";

export interface Dialog {
  readonly key: string;
  readonly callId: string;
  readonly tags: readonly [string, string];
  /** Method of the request that created it (INVITE, SUBSCRIBE, REFER, NOTIFY). */
  readonly method: string;
  state: DialogState;
  readonly createdIndex: number;
  /** Tag of the side that sent the dialog-creating request (From tag). */
  readonly initiatorTag: string;
  endedIndex: number | null;
  endedUs: number | null;
}

/** RFC 3261 §12.1, RFC 6665 §4.1, RFC 3515 §2.4.4: requests that create dialogs. */
const DIALOG_CREATING = new Set(["INVITE", "SUBSCRIBE", "REFER", "NOTIFY"]);

export function dialogKeyOf(callId: string, tagA: string, tagB: string): string {
  return tagA <= tagB ? `${callId}\u0000${tagA}\u0000${tagB}` : `${callId}\u0000${tagB}\u0000${tagA}`;
}

/**
 * Dialogs kept per Call-ID. Forking gives a few; a hostile capture (one INVITE answered with a million To tags)
 * would otherwise grow one call without bound and make every message of it scan them all.
 */
export const MAX_DIALOGS_PER_CALL = 1000;

export class DialogTable {
  private readonly byCall = new Map<string, Map<string, Dialog>>();
  /** Dialogs not created because their call already had MAX_DIALOGS_PER_CALL (the correlator reports it once). */
  refused = 0;

  /** Updates dialogs for `msg`; returns the key of the dialog it belongs to, if any. */
  observe(msg: SipMessage, index: number, nowUs: number, requestMethod: string | null): string | null {
    const callId = msg.callId;
    if (callId === null || msg.fromTag === null || msg.toTag === null) return null;
    const key = dialogKeyOf(callId, msg.fromTag, msg.toTag);
    let d = this.byCall.get(callId)?.get(key);
    if (msg.kind === "response") {
      const method = requestMethod ?? msg.cseq?.method ?? "";
      if (d === undefined && DIALOG_CREATING.has(method) && msg.status > 100 && msg.status < 300 && (this.byCall.get(callId)?.size ?? 0) >= MAX_DIALOGS_PER_CALL) {
        this.refused++;
      } else if (d === undefined && DIALOG_CREATING.has(method) && msg.status > 100 && msg.status < 300) {
        d = {
          key,
          callId,
          tags: [msg.fromTag, msg.toTag],
          method,
          state: msg.status >= 200 ? "confirmed" : "early",
          createdIndex: index,
          initiatorTag: msg.fromTag,
          endedIndex: null,
          endedUs: null,
        };
        this.callMap(callId).set(key, d);
      } else if (d?.state === "early" && msg.status >= 200 && msg.status < 300 && method === d.method) {
        d.state = "confirmed";
      }
      if (method === "INVITE" && msg.status >= 300) this.endEarly(callId, msg.fromTag, index, nowUs);
      if (d !== undefined && method === "BYE" && msg.status >= 200) this.end(d, index, nowUs);
    } else if (d !== undefined && msg.method === "BYE") {
      // RFC 3261 §15.1.1: the dialog is over for the sender as soon as the BYE is sent.
      this.end(d, index, nowUs);
    } else if (d !== undefined && msg.method === "NOTIFY" && d.method !== "INVITE" && msg.subscriptionState?.state === "terminated") {
      // RFC 6665 §4.4.1: a subscription-only dialog ends with its last subscription.
      this.end(d, index, nowUs);
    }
    return d === undefined ? null : key;
  }

  find(callId: string, tagA: string | null, tagB: string | null): Dialog | null {
    const m = this.byCall.get(callId);
    if (m === undefined) return null;
    if (tagA !== null && tagB !== null) return m.get(dialogKeyOf(callId, tagA, tagB)) ?? null;
    // One tag only (early-only Replaces, a missing tag): every dialog with that tag matches.
    const tag = tagA ?? tagB;
    for (const d of m.values()) if (tag === null || d.tags.includes(tag)) return d;
    return null;
  }

  get(key: string, callId: string): Dialog | null {
    return this.byCall.get(callId)?.get(key) ?? null;
  }

  dialogsOf(callId: string): readonly Dialog[] {
    const m = this.byCall.get(callId);
    return m === undefined ? [] : [...m.values()];
  }

  release(callId: string): void {
    this.byCall.delete(callId);
  }

  private callMap(callId: string): Map<string, Dialog> {
    let m = this.byCall.get(callId);
    if (m === undefined) {
      m = new Map();
      this.byCall.set(callId, m);
    }
    return m;
  }

  private end(d: Dialog, index: number, nowUs: number): void {
    if (d.state === "terminated") return;
    d.state = "terminated";
    d.endedIndex = index;
    d.endedUs = nowUs;
  }

  /** RFC 3261 §12.1: a non-2xx final to the INVITE ends its early dialogs. */
  private endEarly(callId: string, fromTag: string, index: number, nowUs: number): void {
    const m = this.byCall.get(callId);
    if (m === undefined) return;
    for (const d of m.values()) if (d.state === "early" && d.method === "INVITE" && d.initiatorTag === fromTag) this.end(d, index, nowUs);
  }
}
