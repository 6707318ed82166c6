/**
 * Browsing the HTML report of a real capture in headless Chromium (issue 14 item 7): selecting a call brings its
 * ladder into view, the participant header stays visible, the ladder fits the box, arrows carrying SDP say
 * "(SDP)", columns sort, "frame N" in prose jumps to that arrow, and the cap keeps failed calls and says "of N".
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/pipeline/analyze.js";
import { renderHtmlReport } from "../../src/render/html/report-html.js";

const CHROMIUM = "/usr/bin/chromium";
const DEMO = path.resolve(import.meta.dirname, "../../fixtures/demo/transfer-and-redirect.pcap");
const outDir = path.resolve(import.meta.dirname, "../../test-output");
if (!existsSync(CHROMIUM)) console.warn(`SKIPPED: HTML browse test: ${CHROMIUM} not found (apt-get install chromium)`);

describe.skipIf(!existsSync(CHROMIUM))("HTML report: browsing a real capture", () => {
  it("scrolls, sticks, fits, marks SDP, sorts, links frames, caps with failures first", async () => {
    const raw = new Map<number, string>();
    const doc = await analyze(DEMO, { onMessage: (m) => raw.set(m.index, m.bytes.toString("utf8")) });
    mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, "report-browse.html");
    writeFileSync(file, renderHtmlReport(doc, { raw: (i) => raw.get(i) ?? null }));
    const capped = renderHtmlReport(doc, { maxCalls: 2 });
    expect(capped).toContain(`2 of ${doc.calls.length} calls`);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(pathToFileURL(file).href);
      await page.click('button.open[aria-label="Show call 1"]');
      await page.locator("#ladder-host svg.ladder").first().waitFor();
      expect(await page.evaluate<number>("window.scrollY")).toBeGreaterThan(0);
      expect(await page.locator("#ladder-host .sticky-head g.phead text.ptext").count()).toBe(2);
      expect(await page.locator("#ladder-host g.msg").first().textContent()).toContain("(SDP)");
      // Fit: the ladder is never wider than its box after "Fit" (down to 60%).
      await page.click('#ladder-host button[data-zoom="fit"]');
      const fits = await page.evaluate<boolean>(`(() => {
        const wrap = document.querySelector("#ladder-host .ladder-wrap");
        const svg = document.querySelector("#ladder-host .ladder-wrap > svg.ladder");
        return wrap !== null && svg !== null && svg.getBoundingClientRect().width <= wrap.clientWidth + 1;
      })()`);
      expect(fits).toBe(true);
      // "frame N" in an annotation is a link to that arrow.
      const link = page.locator("#ladder-host .notes button[data-frame]").first();
      const frame = await link.getAttribute("data-frame");
      expect(frame).not.toBeNull();
      await link.click();
      expect(await page.locator("#detail").textContent()).toContain(`frame ${frame ?? ""}`);
      expect(await page.locator("#ladder-host g.msg.selected").getAttribute("data-frame")).toBe(frame);
      // Sort by # descending.
      await page.click('#call-table button.sort[data-col="0"]');
      await page.click('#call-table button.sort[data-col="0"]');
      expect(await page.locator("#call-table tbody tr").first().getAttribute("data-call")).toBe(String(doc.calls.length));
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
