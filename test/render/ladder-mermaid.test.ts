import { describe, expect, it } from "vitest";
import { escapeMermaidText, renderLadderMermaid } from "../../src/render/ladder-mermaid.js";
import { FLOW_CALL, HOSTILE_CALL, TRANSFER_CALL_A, sampleEverything } from "../helpers/sample-documents.js";

/**
 * The lexical rules of Mermaid's sequenceDiagram.jison the renderer relies on: ids are [A-Za-z0-9]+; TXT after
 * ":" is [^#\n;]+ (so `#` and `;` may only appear inside entity codes `#name;` / `#123;`); `%%` starts a
 * comment; HTML is only our own <br/>; no control characters; and no line would trip encodeEntities'
 * `style.*:\S*#.*;` rewrite.
 */
function checkMermaid(text: string): string[] {
  const problems: string[] = [];
  const lines = text.trimEnd().split("\n");
  if (lines[0] !== "sequenceDiagram") problems.push("first line is not sequenceDiagram");
  const ids = new Set<string>();
  const textOk = (t: string, where: string): void => {
    const withoutEntities = t.replace(/#[A-Za-z0-9]+;/g, "").replace(/<br\/>/g, "");
    if (/[#;]/.test(withoutEntities)) problems.push(`${where}: raw # or ;`);
    if (t.includes('%%')) problems.push(`${where}: %%`);
    if (/[<>]/.test(withoutEntities)) problems.push(`${where}: raw < or >`);
    if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(t)) problems.push(`${where}: control character`);
    if (/^(no)?wrap:/.test(t)) problems.push(`${where}: starts with wrap:`);
  };
  for (const [i, line] of lines.slice(1).entries()) {
    const where = `line ${i + 2}`;
    if (/style.*:\S*#.*;/.test(line) || /classDef.*:\S*#.*;/.test(line)) problems.push(`${where}: would be rewritten by encodeEntities`);
    let m: RegExpExecArray | null;
    if ((m = /^ {2}title (.+)$/.exec(line)) !== null) textOk(m[1]!, where);
    else if ((m = /^ {2}participant (P\d+) as (.+)$/.exec(line)) !== null) {
      ids.add(m[1]!);
      textOk(m[2]!, where);
    } else if ((m = /^ {2}(P\d+)(->>|-->>)(P\d+): (.+)$/.exec(line)) !== null) {
      if (!ids.has(m[1]!) || !ids.has(m[3]!)) problems.push(`${where}: undeclared participant`);
      textOk(m[4]!, where);
    } else if ((m = /^ {2}Note (?:over (P\d+),(P\d+)|right of (P\d+)): (.+)$/.exec(line)) !== null) textOk(m[4]!, where);
    else problems.push(`${where}: unexpected statement: ${line.slice(0, 80)}`);
  }
  return problems;
}

describe("renderLadderMermaid", () => {
  const { doc } = sampleEverything(0);

  it("declares aliased participants and one arrow per message", () => {
    const out = renderLadderMermaid(doc, [TRANSFER_CALL_A], {});
    expect(out).toContain("participant P1 as 10.0.0.1:5060");
    expect(out).toContain("participant P2 as 10.0.0.2:5060");
    expect(out).toMatch(/P1->>P2: 09:15:00\.000 INVITE \(1 INVITE\)/);
    expect(out).toMatch(/P2-->>P1: 09:15:00\.012 100 Trying \(1 INVITE\)/);
    expect(out.match(/->>/g)?.length).toBe(14);
    expect(out).toContain("Note over P1,P2: ★1 ok · refer: transfer-succeeded<br/>");
    expect(checkMermaid(out)).toEqual([]);
  });

  it("draws linked legs and IPv6 participants", () => {
    const linked = renderLadderMermaid(doc, [TRANSFER_CALL_A], { linked: true });
    expect(linked).toContain("participant P3 as 10.0.0.3:5060");
    expect(linked).toContain("[B] INVITE (1 INVITE)");
    expect(checkMermaid(linked)).toEqual([]);
    const v6 = renderLadderMermaid(doc, [FLOW_CALL], {});
    expect(v6).toContain("participant P2 as [2001:db8::30]:5061");
    expect(checkMermaid(v6)).toEqual([]);
  });

  it("keeps hostile text inside the grammar", () => {
    const out = renderLadderMermaid(doc, [HOSTILE_CALL], { fenced: true });
    expect(out.startsWith("```mermaid\nsequenceDiagram\n")).toBe(true);
    expect(out.endsWith("```\n")).toBe(true);
    const body = out.slice("```mermaid\n".length, -"```\n".length);
    expect(checkMermaid(body)).toEqual([]);
    expect(body).not.toContain("<script>");
    expect(body).toContain("#lt;script#gt;");
    expect(body).toContain("\\x1b");
  });

  it("escapes the characters the grammar reads as syntax", () => {
    expect(escapeMermaidText("a;b#c%%d<e>&")).toBe("a#59;b#35;c#37;#37;d#lt;e#gt;#amp;");
    expect(escapeMermaidText("sip:x")).toBe("sip:x");
    expect(escapeMermaidText("lifestyle:x#")).toBe("lifestyle#58;x#35;");
    expect(checkMermaid("sequenceDiagram\n  participant P1 as a;b")).not.toEqual([]); // the checker can fail
  });
});
