/** What the trackers stage takes in and gives out (the public face is src/trackers/index.ts). */
import type {
  AcceptedDetails,
  CallRecord,
  ChallengeDetails,
  FlowAnnotationDetails,
  FlowRecord,
  RedirectDetails,
  ReferDetails,
} from "../model/document.js";
import type { AcceptedOutcome, ChallengeOutcome, FlowOutcome, RedirectOutcome, ReferOutcome } from "../model/outcomes.js";
import type { ConnectionEvent, KeepaliveEvent, UnreachableEvent } from "../model/trace-event.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SipMessage } from "../sip/message.js";

/** An ICMP error quoting SIP, with the quoted message parsed (null when the quote is not readable SIP). */
export interface UnreachableInput {
  readonly kind: "unreachable";
  readonly event: UnreachableEvent;
  readonly quoted: SipMessage | null;
}

export type AnalysisInput = { readonly kind: "message"; readonly msg: SipMessage } | KeepaliveEvent | ConnectionEvent | UnreachableInput;

/** Extra facts on a redirect finding, beyond the contract's RedirectDetails (proposed additions). */
export interface RedirectExtras {
  /** The 3xx status and what RFC 3261 §21.3 says it means for the client. */
  readonly status: number;
  readonly meaning: "multiple-choices" | "moved-permanently" | "moved-temporarily" | "use-proxy" | "alternative-service" | "other";
}

/** Extra facts on a 430 finding (proposed additions to FlowAnnotationDetails). */
export interface FlowExtras {
  /** Whether the re-registration delay lies within the RFC 5626 §4.5 bounds (null: no re-registration seen). */
  readonly backoffRespected: boolean | null;
}

export type Finding =
  | { readonly kind: "refer"; readonly response: number; readonly outcome: ReferOutcome; readonly details: ReferDetails; readonly refs: readonly number[] }
  | { readonly kind: "redirect"; readonly response: number; readonly outcome: RedirectOutcome; readonly details: RedirectDetails & RedirectExtras; readonly refs: readonly number[] }
  | { readonly kind: "flow"; readonly response: number; readonly outcome: FlowOutcome; readonly details: FlowAnnotationDetails & FlowExtras; readonly refs: readonly number[] }
  | { readonly kind: "accepted"; readonly response: number; readonly outcome: AcceptedOutcome; readonly details: AcceptedDetails; readonly refs: readonly number[] }
  | { readonly kind: "challenge"; readonly response: number; readonly outcome: ChallengeOutcome; readonly details: ChallengeDetails; readonly refs: readonly number[] };

export type AnalyzerOutput =
  | { readonly kind: "finding"; readonly finding: Finding }
  | {
      readonly kind: "message-info";
      readonly index: number;
      readonly retransmissionOf: number | null;
      /** The request a response answers (its message index), when it is in the trace. */
      readonly requestIndex: number | null;
      /** The first copy of the same event seen on another hop (a proxy relayed it), or null. */
      readonly sameEventAs: number | null;
    }
  | { readonly kind: "call"; readonly call: CallRecord }
  | { readonly kind: "flow"; readonly flow: FlowRecord }
  | { readonly kind: "diagnostic"; readonly diagnostic: Diagnostic };
