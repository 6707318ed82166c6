import { describe, expect, it } from "vitest";
import type { AnalysisDocument, MessageRecord } from "../../src/model/document.js";
import { renderLadderText } from "../../src/render/ladder-text.js";
import { measureWidth } from "../../src/render/text-width.js";
import { FLOW_CALL, HOSTILE_CALL, TRANSFER_CALL_A, TRANSFER_CALL_B, sampleEverything, sampleHostile, sampleTransfer } from "../helpers/sample-documents.js";
import { findRawUnsafe, onlySgrEscapes, stripSgr } from "./terminal-safety.js";

function columnOf(line: string, text: string): number {
  return measureWidth(line.slice(0, line.indexOf(text)));
}

describe("renderLadderText", () => {
  const { doc } = sampleTransfer();

  it("draws one column per endpoint and arrows in both directions", () => {
    const out = renderLadderText(doc, [TRANSFER_CALL_A], { width: 100 });
    const lines = out.split("\n");
    const header = lines.find((l) => l.startsWith("Time")) ?? "";
    expect(header).toContain("10.0.0.1:5060");
    expect(header).toContain("10.0.0.2:5060");
    expect(header).not.toContain("10.0.0.3:5060"); // Carol is only in the other leg
    const invite = lines.findIndex((l) => l.includes("INVITE (1 INVITE)"));
    expect(lines[invite + 1]).toMatch(/│─+▶│/);
    const trying = lines.findIndex((l) => l.includes("100 Trying (1 INVITE)"));
    expect(lines[trying + 1]).toMatch(/│◀─+│/);
    expect(lines[trying + 1]).toContain("+0.012s");
    expect(lines[invite]).toMatch(/^09:15:00\.000/);
  });

  it("marks retransmissions and annotated messages, with a legend and notes", () => {
    const out = renderLadderText(doc, [TRANSFER_CALL_A], { width: 100 });
    expect(out).toContain("200 OK (1 INVITE) (retr.)");
    expect(out).toMatch(/◀┄+│/);
    expect(out).toContain("★1 202 Accepted (101 REFER)");
    expect(out).toContain("Legend: ★n annotated");
    expect(out).toContain("★1 ✔ 09:15:09.011 202 Accepted — refer: transfer-succeeded");
  });

  it("draws linked legs in one diagram with leg labels", () => {
    const out = renderLadderText(doc, [TRANSFER_CALL_A], { width: 120, linked: true });
    expect(out).toContain(`[A] ${TRANSFER_CALL_A} (linked: refer)`);
    expect(out).toContain(`[B] ${TRANSFER_CALL_B}`);
    const header = out.split("\n").find((l) => l.startsWith("Time")) ?? "";
    expect(header).toContain("10.0.0.3:5060");
    expect(out).toContain("[B] INVITE (1 INVITE)");
    // The new INVITE comes after the first NOTIFY's 200 and before the final NOTIFY.
    expect(out.indexOf("[A] 200 OK (2 NOTIFY)")).toBeLessThan(out.indexOf("[B] INVITE"));
    expect(out.indexOf("[B] INVITE")).toBeLessThan(out.indexOf("[A] NOTIFY (3 NOTIFY)"));
  });

  it("handles IPv6 endpoints and keeps arrows between their columns", () => {
    const out = renderLadderText(sampleEverything(0).doc, [FLOW_CALL], { width: 100 });
    const lines = out.split("\n");
    const header = lines.find((l) => l.startsWith("Time")) ?? "";
    expect(header).toContain("[2001:db8::30]:5061");
    const fwd = lines.findIndex((l) => l.includes("INVITE (2 INVITE)") && columnOf(l, "INVITE") > 50);
    expect(fwd).toBeGreaterThan(0);
    expect(lines[fwd + 1]?.trimEnd().endsWith("▶│")).toBe(true);
  });

  it("fits many endpoints by narrowing columns and truncating names with …", () => {
    const many = withManyEndpoints(12);
    const out = renderLadderText(many, ["fan-out@x"], { width: 120, ascii: true });
    const header = out.split("\n").find((l) => l.startsWith("Time")) ?? "";
    expect(header).toContain("…");
    expect(header).toMatch(/:5060/);
    expect(out).toContain("OPTIONS (11 OPTIONS)");
    expect(/[│─▶◀★]/.test(out)).toBe(false); // ASCII mode
  });

  it("never lets control characters from the capture reach the terminal", () => {
    for (const color of [false, true]) {
      const out = renderLadderText(sampleHostile().doc, [HOSTILE_CALL], { width: 80, color });
      expect(findRawUnsafe(out)).toBeNull();
      expect(onlySgrEscapes(out)).toBe(true);
      expect(stripSgr(out)).toContain("INV\\x00ITE");
    }
  });

  it("reports unknown Call-IDs instead of failing", () => {
    const out = renderLadderText(doc, ["nope"], {});
    expect(out).toContain("Call-ID not found: nope");
    expect(out).toContain("No messages to draw.");
  });
});

function withManyEndpoints(n: number): AnalysisDocument {
  const base = sampleTransfer().doc;
  const template = base.messages[0]!;
  const messages: MessageRecord[] = [];
  for (let i = 0; i < n; i++) {
    messages.push({
      ...template,
      index: i,
      callId: "fan-out@x",
      method: "OPTIONS",
      cseq: { seq: i, method: "OPTIONS" },
      src: "[2001:db8:aaaa:bbbb:cccc:dddd:eeee:1]:5060",
      dst: `[2001:db8:aaaa:bbbb:cccc:dddd:eeee:${(i + 2).toString(16)}]:5060`,
      ts: `2026-03-02T09:15:${String(i).padStart(2, "0")}.000000Z`,
    });
  }
  const call = { ...(base.calls[0]!), callId: "fan-out@x", messages: messages.map((m) => m.index), links: [], linkedCallIds: [] };
  return { ...base, messages, calls: [call], annotations: [] };
}

describe("calls that share a Call-ID", () => {
  // An analyzer may split one Call-ID into several call records (REGISTER refreshes, a reused Call-ID).
  const base = sampleTransfer().doc;
  const first = base.calls[0]!;
  const doc: AnalysisDocument = {
    ...base,
    calls: [
      { ...first, messages: first.messages.slice(0, 6), links: [], linkedCallIds: [] },
      { ...first, messages: first.messages.slice(6), links: [], linkedCallIds: [] },
    ],
  };

  it("draws every record of the Call-ID once, without duplicate legs", () => {
    const out = renderLadderText(doc, [TRANSFER_CALL_A], { width: 100, linked: true });
    expect(out).toContain("INVITE (1 INVITE)");
    expect(out).toContain("BYE (102 BYE)");
    expect(out).not.toContain("[B]");
    expect(out.match(/REFER \(101 REFER\)/g)).toHaveLength(1);
  });
});

describe("ASCII mode", () => {
  it("uses only ASCII outside capture text, notes included", () => {
    const out = renderLadderText(sampleTransfer().doc, [TRANSFER_CALL_A], { width: 100, ascii: true, linked: true });
    expect(/[^\x00-\x7f]/.test(out)).toBe(false);
    expect(out).toContain("[!1] (ok) 09:15:09.011 202 Accepted — refer: transfer-succeeded".replace("—", "-"));
  });
});
