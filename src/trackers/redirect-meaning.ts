/** What each 3xx asks of the client (RFC 3261 §21.3, §8.1.3.4). */
import type { RedirectExtras } from "./findings.js";

export function meaningOf(status: number): RedirectExtras["meaning"] {
  switch (status) {
    case 300:
      return "multiple-choices"; // §21.3.1: several Contacts, the client or user picks
    case 301:
      return "moved-permanently"; // §21.3.2: the client should update its address book
    case 302:
      return "moved-temporarily"; // §21.3.3: retry at the Contact for this request only
    case 305:
      return "use-proxy"; // §21.3.4: the Contact is a proxy to send the request through
    case 380:
      return "alternative-service"; // §21.3.5: the call failed; the body describes alternatives
    default:
      return "other";
  }
}
