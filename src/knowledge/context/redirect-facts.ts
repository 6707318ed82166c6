/** Facts behind a 3xx annotation (RFC 3261 §8.1.3.4), extracted once for all languages. */
import type { RedirectDetails } from "../../model/document.js";
import { cleanCaptureText } from "../text/format.js";
import type { MessageContext } from "../types.js";
import { cleanOrNull, labelOf, msAfterResponse, responseLine } from "./facts.js";

export interface RedirectFacts {
  readonly code: number;
  readonly response: string;
  readonly requestUri: string | null;
  /** "sip:a@b (q=0.5)" per Contact, in q order. */
  readonly contacts: readonly string[];
  readonly firstContact: string | null;
  readonly ack: string | null;
  readonly retry: string | null;
  readonly retryUri: string | null;
  readonly retryAfterMs: number | null;
  readonly retryStatus: number | null;
  readonly furtherRetries: number;
  readonly toPreserved: boolean | null;
  readonly loopTarget: string | null;
  /** The loop target is the URI that was just requested (else: a target tried earlier). */
  readonly loopToSelf: boolean;
}

export function extractRedirectFacts(d: RedirectDetails, code: number, ctx: MessageContext): RedirectFacts {
  const contacts = d.contacts.map((c) => {
    const uri = cleanCaptureText(c.uri);
    return c.q === null ? uri : `${uri} (q=${String(c.q)})`;
  });
  const first = d.contacts[0];
  return {
    code,
    response: responseLine(ctx),
    requestUri: cleanOrNull(d.requestUri),
    contacts,
    firstContact: first === undefined ? null : cleanCaptureText(first.uri),
    ack: labelOf(ctx, d.ack),
    retry: labelOf(ctx, d.retry),
    retryUri: cleanOrNull(d.retryUri),
    retryAfterMs: msAfterResponse(ctx, d.retry),
    retryStatus: d.retryStatus,
    // `retries` lists every retry, the first included: the ones after it are the further ones.
    furtherRetries: Math.max(0, d.retries.length - 1),
    toPreserved: d.toPreserved,
    loopTarget: cleanOrNull(d.loopTarget),
    loopToSelf: d.loopTarget !== null && d.loopTarget === d.requestUri,
  };
}
