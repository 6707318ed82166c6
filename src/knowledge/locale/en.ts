/** English UI strings. */
import { formatDuration } from "../text/format.js";
import type { UiStrings } from "./ui-strings.js";

export const EN: UiStrings = {
  headings: {
    description: "Description",
    whenYouSeeIt: "When you see this code",
    howToFix: "How to fix",
    keyDifference: "Key difference",
    whenToUseWhich: "When to use which",
    reference: "Defined in",
    seeAlso: "See also",
    responseClass: "Class",
    reasonPhrase: "Reason phrase",
    notice: "Note",
    summary: "Summary",
    explanation: "Explanation",
    nextSteps: "Next steps",
  },
  classes: {
    "1xx": {
      name: "Provisional",
      summary: "Provisional: the request was received and is being processed; a final response is still to come. 1xx responses never end a transaction.",
      use: "to report progress before the final answer",
    },
    "2xx": {
      name: "Success",
      summary: "Success: the request was received, understood and accepted; the transaction ends successfully.",
      use: "when it accepts the request",
    },
    "3xx": {
      name: "Redirection",
      summary: "Redirection: further action is needed to complete the request, usually a new request to the addresses in Contact.",
      use: "when the request should be sent somewhere else",
    },
    "4xx": {
      name: "Client Failure",
      summary:
        "Client failure: the request is wrong or cannot be served by this server; it must not be repeated unchanged, but may succeed after a change (credentials, headers, target) or elsewhere.",
      use: "when it cannot or will not complete the request as sent",
    },
    "5xx": {
      name: "Server Failure",
      summary: "Server failure: the server failed to fulfil an apparently valid request; another server may succeed.",
      use: "when it fails on a request that looks valid",
    },
    "6xx": {
      name: "Global Failure",
      summary: "Global failure: the request cannot be fulfilled at any server; forking proxies stop trying other locations.",
      use: "when no server anywhere can fulfil the request",
    },
  },
  noClass: {
    name: "no SIP class",
    summary: "SIP defines response classes 1xx to 6xx only (RFC 3261 §7.2); codes from 700 up have no meaning.",
    use: "never: it is not a valid SIP status code",
  },
  deprecated: "deprecated",
  formatRef: (rfc, section) => (section === null ? `RFC ${rfc}` : `RFC ${rfc} §${section}`),
  codeTitle: (code, reason) => (reason === null ? `SIP ${code}` : `SIP ${code} ${reason}`),
  className: (cls, id) => (id === null ? cls.name : `${id} ${cls.name}`),

  unregisteredNotice: (code) =>
    `${code} is not in the IANA SIP response-code registry: this page is based on its class only.`,
  unregisteredDescription: (code, x00, classSummary, provisional) =>
    provisional
      ? `${code} is not a registered code. RFC 3261 §8.1.3.2 has a UAC treat an unknown provisional response as 183 Session Progress. ${classSummary}`
      : `${code} is not a registered code. RFC 3261 §8.1.3.2 has a UAC treat an unknown final response like the x00 code of its class, here ${x00}. ${classSummary}`,
  unregisteredWhen: [
    "Vendor-specific codes: some PBXs, SBCs and carriers use private codes (for example 499) for internal conditions.",
    "A code from a draft or a newer RFC that this sipta version does not know yet.",
    "A bug in the sender that builds the status line.",
  ],
  unregisteredFix: (x00) => [
    `Handle it as ${x00}, as RFC 3261 §8.1.3.2 requires; read the reason phrase and any Warning or Reason header for the vendor's meaning.`,
    "Look the code up in the sending product's documentation; if it is your own equipment, configure it to send a registered code.",
  ],
  invalidClassDescription: (code) =>
    `${code} is outside every SIP response class: RFC 3261 defines 1xx to 6xx only (§7.2, §21), so no standard element will know what it means.`,
  invalidClassWhen: ["A broken or hand-written SIP stack building the status line.", "Non-SIP traffic or a corrupted message parsed as SIP."],
  invalidClassFix: [
    "Find which element sent it (Via, Server header, capture point) and fix its response generation.",
    "If the message is corrupted, check the transport path (fragmentation, SIP ALG, TCP reassembly).",
  ],

  compareTitle: (a, b) => `SIP ${a} vs ${b}`,
  classSentence: (a, aClass, b, bClass, same) =>
    same
      ? `SIP ${a} and ${b} are both ${aClass} responses: the difference is in the cause, not the class.`
      : `SIP ${a} is a ${aClass} response, while ${b} is a ${bClass} response.`,
  contrast: (aDesc, bDesc) => `${aDesc} In contrast: ${bDesc}`,
  useSentence: (a, aUse, b, bUse, same) =>
    same ? `A server answers either of them ${aUse}; pick by the exact cause described above.` : `A server answers ${a} ${aUse}, and ${b} ${bUse}.`,
  sameRfc: (rfc) => `Both codes are defined in ${rfc}.`,
  meetLine: (code, cause) => `You meet ${code} when: ${cause}`,
  doLine: (codeWithReason, steps) => `For ${codeWithReason}: ${steps.join(" ")}`,
  codeWithReason: (code, reason) => (reason === null ? String(code) : `${code} (${reason})`),

  duration: (ms) => formatDuration(ms, { ms: "ms", s: "s", min: "min", decimal: ".", space: " " }),
  list: (items) => {
    if (items.length <= 1) return items.join("");
    return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1] ?? ""}`;
  },
  unknown: "unknown",
  quote: (text) => `"${text}"`,
};
