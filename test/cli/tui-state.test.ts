/** The call browser's key handling and data, without a terminal: the reducer, search, outcome filters, linked legs. */
import { describe, expect, it } from "vitest";
import { buildBrowseData, legsOf, visibleEntries } from "../../src/cli/tui/browse-data.js";
import { INITIAL_STATE, reduce, type KeyPress, type ScreenFacts, type TuiState } from "../../src/cli/tui/state.js";
import { callListLines, ladderFor, ladderLines } from "../../src/cli/tui/views.js";
import { sampleEverything } from "../helpers/sample-documents.js";

const facts: ScreenFacts = { visibleCallIds: ["a", "b", "c"], ladderRows: 5, legs: ["a", "b"], page: 10 };
const press = (s: TuiState, ...keys: KeyPress[]): TuiState => keys.reduce((st, k) => reduce(st, k, facts), s);

describe("tui state", () => {
  it("list → ladder → message and back; search editing; quit", () => {
    let s = press(INITIAL_STATE, { input: "", downArrow: true }, { input: "", return: true });
    expect(s).toMatchObject({ screen: "ladder", callId: "b" });
    s = press(s, { input: "j" }, { input: "", return: true });
    expect(s).toMatchObject({ screen: "message", rowCursor: 1 });
    s = press(s, { input: "", escape: true }, { input: "", escape: true });
    expect(s.screen).toBe("calls");
    s = press(s, { input: "/" }, { input: "2" }, { input: "2" }, { input: "", backspace: true }, { input: "", return: true });
    expect(s).toMatchObject({ query: "2", editing: false });
    expect(press(s, { input: "q" }).quit).toBe(true);
  });

  it("n/p walk the linked legs; f cycles the outcome filters; ? opens help", () => {
    const s = press(INITIAL_STATE, { input: "", return: true });
    expect(press(s, { input: "n" }).callId).toBe("b");
    expect(press(s, { input: "n" }, { input: "n" }).callId).toBe("a");
    expect(press(INITIAL_STATE, { input: "f" }).filter).toBe("problems");
    expect(press(INITIAL_STATE, { input: "?" }).help).toBe(true);
    expect(press(INITIAL_STATE, { input: "?" }, { input: "x" }).help).toBe(false);
  });

  it("data: search any Call-ID piece, URI or address; filters; legs; lines fit 80 columns", () => {
    const { doc } = sampleEverything(6);
    const data = buildBrowseData(doc);
    expect(visibleEntries(data, "all", "5cc4").map((e) => e.call.callId)).toEqual(["3c26700b-5cc4@10.0.0.1"]);
    expect(visibleEntries(data, "all", "SIP:BOB@").length).toBeGreaterThan(0);
    expect(visibleEntries(data, "redirects", "").every((e) => e.facts.has("redirects"))).toBe(true);
    const first = doc.calls[0];
    if (first === undefined) throw new Error("sample has calls");
    expect(legsOf(data, first.callId).length).toBeGreaterThan(1);
    const state = { ...INITIAL_STATE, screen: "ladder" as const, callId: first.callId };
    for (const l of [...callListLines(data, data.entries, INITIAL_STATE, 80, 23), ...ladderLines(data, ladderFor(data, state), state, legsOf(data, first.callId), 80, 23)]) {
      expect(Array.from(l.text).length).toBeLessThanOrEqual(80);
    }
  });
});
