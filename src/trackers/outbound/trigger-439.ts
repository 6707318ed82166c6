/**
 * What made a registrar answer 439, quoted from the trace (RFC 5626 §6, §11.6): the REGISTER asked for outbound
 * (a reg-id in its Contact and the `outbound` option tag in Supported) while the first hop's Path entry has no
 * `;ob`; plus the registrar's own words in P-Registrar-Error when it sends one.
 */
import type { Trigger439Record } from "../../model/document.js";
import type { SipRequest, SipResponse } from "../../sip/message.js";

export type Trigger439 = Trigger439Record;

/** Bounded quotes: a header copied from a hostile capture is cut, never trusted. */
const MAX_QUOTE = 200;

export function triggerOf439(req: SipRequest | null, res: SipResponse): Trigger439 {
  const contact = req?.contacts.find((x) => x.kind === "address" && x.regId !== null);
  const regId = contact?.kind === "address" ? contact.regId : null;
  const path = req?.header("path") ?? null;
  const error = res.header("p-registrar-error");
  return {
    regId,
    supportedOutbound: req?.supported.includes("outbound") ?? false,
    path: path === null ? null : path.slice(0, MAX_QUOTE),
    pathHasOb: req?.paths[0]?.uri.params.has("ob") ?? null,
    registrarError: error === null ? null : error.slice(0, MAX_QUOTE),
  };
}
