import { describe, expect, it } from "vitest";
import { hashSource } from "../../src/render/html/content-security.js";
import { embedJson } from "../../src/render/html/embed-json.js";
import { renderHtmlReport } from "../../src/render/html/report-html.js";
import { TRANSFER_CALL_A, sampleEverything, sampleHostile } from "../helpers/sample-documents.js";

function scriptsOf(html: string): { attrs: string; body: string }[] {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attrs: m[1] ?? "", body: m[2] ?? "" }));
}

describe("renderHtmlReport", () => {
  it("is one self-contained file: inline CSS and JS, nothing fetched, CSP pinned by hashes", () => {
    const { doc, raw } = sampleEverything(4);
    const html = renderHtmlReport(doc, { raw });
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    // Only real tags hold a raw "<" (capture text is escaped): none may load anything.
    const tags = html.match(/<[^<>]*>/g) ?? [];
    expect(tags.filter((t) => /^<(link|img|iframe|object|embed|audio|video|source)\b/i.test(t))).toEqual([]);
    const names = (t: string): string[] => [...t.replace(/"[^"]*"/g, '""').matchAll(/\s([\w:-]+)=/g)].map((m) => m[1]!.toLowerCase());
    expect(tags.filter((t) => names(t).some((n) => ["src", "srcset", "action", "poster", "xlink:href"].includes(n)))).toEqual([]);
    expect(tags.filter((t) => names(t).includes("href") && !/\shref="#[\w-]*"/.test(t))).toEqual([]);
    expect(tags.filter((t) => /https?:/.test(t) && !t.includes('xmlns="http://www.w3.org/2000/svg"'))).toEqual([]);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? "";
    expect(csp).toContain("default-src 'none'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    expect(/@import|url\(|@font-face/.test(style)).toBe(false);
    expect(csp).toContain(`style-src ${hashSource(style)}`);
    const code = scriptsOf(html).filter((s) => s.attrs === "");
    expect(code).toHaveLength(1);
    expect(csp).toContain(`script-src ${hashSource(code[0]!.body)}`);
    expect(code[0]!.body).not.toContain("innerHTML");
    expect(/\sstyle="/.test(html)).toBe(false); // inline style attributes would be blocked by the CSP
  });

  it("has a summary, a call row and a ladder template per call, and embeds raw messages", () => {
    const { doc, raw } = sampleEverything(4);
    const html = renderHtmlReport(doc, { raw });
    expect(html.match(/<tr data-call="/g)?.length).toBe(doc.calls.length);
    expect(html.match(/<template id="call-\d+">/g)?.length).toBe(doc.calls.length);
    expect(html).toContain('<template id="call-1-linked">');
    expect(html).toContain('id="search"');
    const data = JSON.parse(scriptsOf(html).find((s) => s.attrs.includes("application/json"))!.body) as {
      messages: Record<string, { label: string; notes: unknown[] }>;
      raw: Record<string, string>;
    };
    expect(data.messages["7"]?.label).toBe("202 Accepted");
    expect(data.messages["7"]?.notes).toHaveLength(1);
    expect(data.raw["7"]?.startsWith("SIP/2.0 202 Accepted\nVia:")).toBe(true);
    expect(renderHtmlReport(doc)).toContain('"raw":null');
  });

  it("escapes every capture string: no markup, no script break-out, no raw bidi", () => {
    const { doc, raw } = sampleHostile();
    const hostileRaw = (i: number): string | null => `${raw(i) ?? ""}</script><script>alert(3)</script>\u202e\u001b[2J`;
    const html = renderHtmlReport(doc, { raw: hostileRaw });
    const scripts = scriptsOf(html);
    // Exactly our two script elements: the data block and the code.
    expect(scripts).toHaveLength(2);
    expect(html.match(/<script/g)?.length).toBe(2);
    expect(/<img|<b>tag/.test(html)).toBe(false);
    expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(html)).toBe(false);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    const data = JSON.parse(scripts[0]!.body) as { raw: Record<string, string> };
    expect(data.raw["1"]).toContain("</script><script>alert(3)</script>\\u202e\\x1b[2J");
  });

  it("embeds JSON that cannot end its script element", () => {
    const out = embedJson("x", { s: "</script><!-- & \u2028" });
    expect(out).toBe('<script type="application/json" id="x">{"s":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}</script>');
  });

  it("limits the report to chosen calls for `flow --format html`", () => {
    const { doc } = sampleEverything(4);
    const html = renderHtmlReport(doc, { calls: [TRANSFER_CALL_A], linked: true });
    expect(html.match(/<tr data-call="/g)?.length).toBe(2);
    expect(html).toContain('"open":1');
    expect(html).toContain('"linked":true');
  });
});

describe("renderHtmlReport with a split Call-ID", () => {
  it("gives each call record its own ladder", () => {
    const { doc } = sampleEverything(0);
    const first = doc.calls[0]!;
    const split = {
      ...doc,
      calls: [
        { ...first, messages: first.messages.slice(0, 6), links: [], linkedCallIds: [] },
        { ...first, messages: first.messages.slice(6), links: [], linkedCallIds: [] },
      ],
    };
    const html = renderHtmlReport(split);
    const t1 = /<template id="call-1">([\s\S]*?)<\/template>/.exec(html)?.[1] ?? "";
    const t2 = /<template id="call-2">([\s\S]*?)<\/template>/.exec(html)?.[1] ?? "";
    expect(t1.match(/<g class="msg/g)).toHaveLength(6);
    expect(t2.match(/<g class="msg/g)).toHaveLength(8);
  });
});
