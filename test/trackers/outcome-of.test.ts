// Each tracker's verdict is a pure function of the facts it gathered; these tables pin every branch.
import { describe, expect, it } from "vitest";
import { referOutcomeOf, type ReferFacts } from "../../src/trackers/refer-outcome.js";
import { redirectOutcomeOf, type RedirectFacts } from "../../src/trackers/redirect-outcome.js";
import { flowOutcomeOf } from "../../src/trackers/outbound/flow-outcome.js";

const n = (status: number | null, subscriptionState: string | null = "active"): ReferFacts["notifies"][number] => ({ status, subscriptionState });

describe("referOutcomeOf (RFC 3515 §2.4.4-§2.4.7, RFC 4488 §4)", () => {
  const cases: [string, ReferFacts, string][] = [
    ["a 4xx to the REFER", { status: 403, responseReferSub: null, referSub: null, notifies: [] }, "refer-rejected"],
    ["final sipfrag 200", { status: 202, responseReferSub: null, referSub: null, notifies: [n(100), n(200, "terminated")] }, "transfer-succeeded"],
    ["final sipfrag 486", { status: 202, responseReferSub: null, referSub: null, notifies: [n(100), n(486, "terminated")] }, "transfer-failed"],
    ["only 1xx, subscription active", { status: 200, responseReferSub: null, referSub: null, notifies: [n(180)] }, "transfer-pending"],
    ["terminated without a final sipfrag", { status: 202, responseReferSub: null, referSub: null, notifies: [n(null, "terminated")] }, "unknown"],
    ["Refer-Sub: false accepted", { status: 200, responseReferSub: false, referSub: false, notifies: [] }, "no-subscription"],
    ["Refer-Sub: false asked, response silent", { status: 200, responseReferSub: null, referSub: false, notifies: [] }, "no-subscription"],
    ["Refer-Sub: false asked, response insists true", { status: 200, responseReferSub: true, referSub: false, notifies: [] }, "no-notify"],
    ["no NOTIFY at all", { status: 202, responseReferSub: null, referSub: null, notifies: [] }, "no-notify"],
  ];
  it.each(cases)("%s", (_name, facts, outcome) => {
    expect(referOutcomeOf(facts)).toBe(outcome);
  });
});

describe("redirectOutcomeOf (RFC 3261 §8.1.3.4)", () => {
  const cases: [string, RedirectFacts, string, string | null][] = [
    ["no usable Contact", { contacts: 0, retries: [], visitedContacts: [] }, "no-contact", null],
    ["retried", { contacts: 1, retries: [{ uri: "sip:b@x", revisit: false }], visitedContacts: [] }, "followed", null],
    ["retry to a target already requested", { contacts: 2, retries: [{ uri: "sip:a@x", revisit: false }, { uri: "sip:b@x", revisit: true }], visitedContacts: [] }, "loop", "sip:b@x"],
    ["every Contact requested before, no retry", { contacts: 1, retries: [], visitedContacts: ["sip:a@x"] }, "loop", "sip:a@x"],
    ["not followed", { contacts: 2, retries: [], visitedContacts: ["sip:a@x"] }, "not-followed", null],
  ];
  it.each(cases)("%s", (_name, facts, outcome, loopTarget) => {
    expect(redirectOutcomeOf(facts)).toEqual({ outcome, loopTarget });
  });
});

describe("flowOutcomeOf (RFC 5626 §5.3, §7)", () => {
  it.each([
    [false, false, "request-lost"],
    [false, true, "request-lost"],
    [true, false, "flow-not-restored"],
    [true, true, "recovered"],
  ] as const)("retried %s, re-registered %s", (retried, reregistered, outcome) => {
    expect(flowOutcomeOf({ retried, reregistered })).toBe(outcome);
  });
});
