/**
 * The fixed outcome vocabulary of annotations (the JSON contract, docs/json-output.md). Trackers decide the
 * outcome; the knowledge base words it; both import it from here so neither depends on the other.
 */

/** kind "refer": the final response to a REFER (RFC 3515, 4488, 7647). */
export const REFER_OUTCOMES = [
  "transfer-succeeded",
  "transfer-failed",
  "transfer-pending",
  "no-notify",
  "no-subscription",
  "unknown",
  "refer-rejected",
] as const;
export type ReferOutcome = (typeof REFER_OUTCOMES)[number];

/** kind "redirect": every 3xx (RFC 3261 §8.1.3.4). */
export const REDIRECT_OUTCOMES = ["followed", "not-followed", "loop", "no-contact"] as const;
export type RedirectOutcome = (typeof REDIRECT_OUTCOMES)[number];

/** kind "flow": 430 and 439 (RFC 5626 §11, §5.1). */
export const FLOW_OUTCOMES = ["recovered", "flow-not-restored", "request-lost", "first-hop-lacks-outbound"] as const;
export type FlowOutcome = (typeof FLOW_OUTCOMES)[number];

/** kind "accepted": a 202 to anything but REFER (SUBSCRIBE, MESSAGE, PUBLISH ...): RFC 6665 §8.3.1 deprecates it. */
export const ACCEPTED_OUTCOMES = ["accepted-deprecated"] as const;
export type AcceptedOutcome = (typeof ACCEPTED_OUTCOMES)[number];

/**
 * kind "challenge": 401 and 407 (RFC 3261 §22.2, §22.3): the request is to be re-sent with credentials, so the
 * challenge is not the request's outcome. `answered`: re-sent with credentials and not challenged again;
 * `rejected-again`: the re-sent request was challenged again (credentials refused, or a stale nonce);
 * `unanswered`: not re-sent within 64*T1 = 32 s (no credentials, or the client gave up).
 */
export const CHALLENGE_OUTCOMES = ["answered", "unanswered", "rejected-again"] as const;
export type ChallengeOutcome = (typeof CHALLENGE_OUTCOMES)[number];

/** kind "generic": every other response: catalogue text only. */
export const GENERIC_OUTCOMES = ["seen"] as const;
export type GenericOutcome = (typeof GENERIC_OUTCOMES)[number];

export type AnnotationKind = "refer" | "redirect" | "flow" | "accepted" | "challenge" | "generic";

export interface OutcomeByKind {
  readonly refer: ReferOutcome;
  readonly redirect: RedirectOutcome;
  readonly flow: FlowOutcome;
  readonly accepted: AcceptedOutcome;
  readonly challenge: ChallengeOutcome;
  readonly generic: GenericOutcome;
}

export const OUTCOMES_BY_KIND: { readonly [K in AnnotationKind]: readonly OutcomeByKind[K][] } = {
  refer: REFER_OUTCOMES,
  redirect: REDIRECT_OUTCOMES,
  flow: FLOW_OUTCOMES,
  accepted: ACCEPTED_OUTCOMES,
  challenge: CHALLENGE_OUTCOMES,
  generic: GENERIC_OUTCOMES,
};

/** Severity an outcome deserves in reports: drives colours and `--fail-on`. */
export type Severity = "error" | "warning" | "info" | "ok";

/** Flow failure kinds in `flows[].failure.kind`. */
export const FLOW_FAILURE_KINDS = ["keepalive-unanswered", "connection-closed", "connection-reset", "430", "expired", "unregistered"] as const;
export type FlowFailureKind = (typeof FLOW_FAILURE_KINDS)[number];

/** Flow states in `flows[].state`. */
export const FLOW_STATES = ["registering", "active", "failed", "unregistered", "expired"] as const;
export type FlowState = (typeof FLOW_STATES)[number];
