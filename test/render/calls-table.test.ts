import { describe, expect, it } from "vitest";
import { renderCallsTable } from "../../src/render/calls-table.js";
import { escapeVisible } from "../../src/render/escape-visible.js";
import { formatCsvCell } from "../../src/render/csv-cell.js";
import { measureWidth } from "../../src/render/text-width.js";
import { HOSTILE_CALL, sampleEverything, sampleHostile } from "../helpers/sample-documents.js";
import { findRawUnsafe, onlySgrEscapes } from "./terminal-safety.js";

/** A minimal RFC 4180 parser for the tests: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i++; }
    else cell += c;
  }
  return rows;
}

describe("renderCallsTable", () => {
  const { doc } = sampleEverything(6);

  it("lists every call with #, start, duration, from, to, method, state, messages and outcomes", () => {
    const out = renderCallsTable(doc, { width: 200 });
    const lines = out.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ *# +Start +Duration +From +To +Method +State +Msgs +Outcomes +Call-ID$/);
    expect(lines.length).toBe(doc.calls.length + 1);
    expect(lines[1]).toMatch(/^ *1 +09:15:00\.000 +12\.5s +sip:alice@example\.com +sip:bob@example\.com +INVITE +completed 200 +14 +transfer-succeeded +3c26700b-5cc4@10\.0\.0\.1$/);
    expect(out).toMatch(/busy 486/);
  });

  it("fits the width by shrinking and then dropping other columns; the Call-ID survives whole", () => {
    for (const width of [60, 80, 100, 140]) {
      const lines = renderCallsTable(doc, { width }).trimEnd().split("\n");
      for (const l of lines) expect(measureWidth(l)).toBeLessThanOrEqual(width);
    }
    const narrow = renderCallsTable(doc, { width: 80 });
    expect(narrow).toContain("Call-ID");
    // Call-IDs that fit once the other columns gave way are whole; only a longer one is cut, last.
    for (const c of doc.calls) if (c.callId.length <= 40) expect(narrow).toContain(escapeVisible(c.callId));
    expect(narrow).not.toContain("Outcomes");
  });

  it("never cuts anything when the width is unlimited (output that is not a terminal)", () => {
    const wide = renderCallsTable(sampleHostile().doc);
    expect(wide).not.toContain("…");
    const lines = renderCallsTable(doc).trimEnd().split("\n");
    for (const c of doc.calls) expect(lines.some((l) => l.endsWith(escapeVisible(c.callId)))).toBe(true);
  });

  it("keeps the unfiltered call numbers and adds a File column when asked", () => {
    const numbers = new Map(doc.calls.map((c, i) => [c, i + 1] as const));
    const last = doc.calls[doc.calls.length - 1];
    if (last === undefined) throw new Error("sample has calls");
    const filtered = { ...doc, calls: [last] };
    const out = renderCallsTable(filtered, { numbers, showFile: true });
    expect(out.split("\n")[0]).toMatch(/File +Call-ID$/);
    expect(out.split("\n")[1]).toMatch(new RegExp(`^ *${doc.calls.length} `));
  });

  it("escapes hostile strings and colours only when asked", () => {
    const out = renderCallsTable(sampleHostile().doc, { width: 120, color: true });
    expect(findRawUnsafe(out)).toBeNull();
    expect(onlySgrEscapes(out)).toBe(true);
    expect(out).toContain("\u001b[31m"); // rejected 488 with an error annotation
    expect(renderCallsTable(sampleHostile().doc, { width: 120 })).not.toContain("\u001b");
  });

  it("writes RFC 4180 CSV that round-trips, with formula injection neutralised", () => {
    const csv = renderCallsTable(sampleHostile().doc, { format: "csv" });
    expect(csv.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(["n", "call_id", "start", "duration_ms", "from", "to", "method", "state", "final_status", "messages", "outcomes", "linked_call_ids"]);
    expect(rows.length).toBe(2);
    expect(rows[1]?.[1]).toBe(HOSTILE_CALL.replace("\u001b", "\\x1b").replace("\u0007", "\\x07"));
    expect(findRawUnsafe(csv.replace(/\r\n/g, ""))).toBeNull();
    expect(formatCsvCell("=1+2")).toBe("'=1+2");
    expect(formatCsvCell("+1")).toBe("'+1");
    expect(formatCsvCell("-2")).toBe("'-2");
    expect(formatCsvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(formatCsvCell('=HYPERLINK("x"),y')).toBe('"\'=HYPERLINK(""x""),y"');
    expect(formatCsvCell(-5)).toBe("-5");
    expect(formatCsvCell("a,b")).toBe('"a,b"');
    expect(formatCsvCell(null)).toBe("");
  });

  it("writes JSON and Markdown variants", () => {
    const json = JSON.parse(renderCallsTable(doc, { format: "json" })) as { n: number; callId: string; outcomes: string[] }[];
    expect(json.length).toBe(doc.calls.length);
    expect(json[0]).toMatchObject({ n: 1, callId: "3c26700b-5cc4@10.0.0.1", outcomes: ["transfer-succeeded"] });
    const md = renderCallsTable(sampleHostile().doc, { format: "markdown" });
    const rows = md.trimEnd().split("\n");
    expect(rows).toHaveLength(3);
    // Pipes from the capture are escaped: every row has the header's 11 unescaped separators.
    for (const r of rows) expect(r.replace(/\\\|/g, "").split("|").length).toBe(12);
    expect(md).not.toContain("<script>");
    expect(md).toContain("&lt;script&gt;");
  });
});
