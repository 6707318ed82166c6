/**
 * The HTML report in real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core): no
 * console errors (a CSP violation would be one), no network requests, a click on a call shows its ladder,
 * a click on an arrow shows the raw message, keyboard works, hostile text stays text, and the screenshot
 * (test-output/report.png) is not blank.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHtmlReport } from "../../src/render/html/report-html.js";
import { renderLadderSvg } from "../../src/render/ladder-svg.js";
import { TRANSFER_CALL_A, HOSTILE_CALL, sampleEverything } from "../helpers/sample-documents.js";
import { measurePng } from "./png-stats.js";

const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
const outDir = path.resolve(import.meta.dirname, "../../test-output");

if (!haveChromium && process.env.CI !== undefined) {
  // CI installs chromium (.ci/run): its absence there is a failure, not a skip.
  describe("HTML report in Chromium", () => {
    it("needs /usr/bin/chromium in CI", () => {
      expect.fail(`${CHROMIUM} is missing; CI must install Debian's chromium package`);
    });
  });
} else {
  if (!haveChromium) console.warn(`SKIPPED: HTML report browser test: ${CHROMIUM} not found (apt-get install chromium)`);

  describe.skipIf(!haveChromium)("HTML report in Chromium", () => {
    let browser: Browser;
    let page: Page;
    const consoleErrors: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    let fileUrl = "";
    const { doc, raw } = sampleEverything(40);
    const hostileCallNumber = doc.calls.findIndex((c) => c.callId === HOSTILE_CALL) + 1;

    beforeAll(async () => {
      mkdirSync(outDir, { recursive: true });
      const file = path.join(outDir, "report.html");
      writeFileSync(file, renderHtmlReport(doc, { raw }));
      fileUrl = pathToFileURL(file).href;
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
      });
      page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") consoleErrors.push(`${m.type()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message}`));
      page.on("request", (r) => {
        if (r.url() !== fileUrl) requests.push(r.url());
      });
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(fileUrl);
    });

    afterAll(async () => {
      await browser.close();
    });

    it("loads without console errors or network requests", async () => {
      expect(await page.locator("#call-table tbody tr").count()).toBe(doc.calls.length);
      expect(consoleErrors).toEqual([]);
      expect(requests).toEqual([]);
    });

    it("shows a call's ladder on click, and the raw message on an arrow click", async () => {
      await page.click('button.open[aria-label="Show call 1"]');
      await page.locator("#ladder-host svg.ladder").waitFor();
      expect(await page.locator("#ladder-host g.msg").count()).toBe(14);
      expect(await page.locator("#ladder-host .note.ok").textContent()).toContain("refer: transfer-succeeded");
      await page.click('#ladder-host g.msg[data-msg="7"]');
      const rawText = (await page.locator("#detail pre.raw").textContent()) ?? "";
      expect(rawText.startsWith("SIP/2.0 202 Accepted\nVia: SIP/2.0/UDP 10.0.0.1:5060")).toBe(true);
      expect(await page.locator("#detail").textContent()).toContain("Blind transfer to sip:carol@example.com succeeded");
      expect(await page.locator('button.open[aria-label="Show call 1"]').getAttribute("aria-pressed")).toBe("true");
    });

    it("draws the linked legs when asked", async () => {
      await page.click("#ladder-host input.linked-toggle");
      await page.locator("#ladder-host g.msg").nth(19).waitFor();
      expect(await page.locator("#ladder-host g.msg").count()).toBe(20);
      expect(await page.locator("#ladder-host .ladder-wrap > svg").textContent()).toContain("10.0.0.3:5060");
      await page.click("#ladder-host input.linked-toggle");
      expect(await page.locator("#ladder-host g.msg").count()).toBe(14);
    });

    it("filters the call list with the search box and works from the keyboard", async () => {
      await page.fill("#search", "bulk-0003");
      expect(await page.locator("#call-table tbody tr:visible").count()).toBe(1);
      expect(await page.locator("#call-count").textContent()).toBe(`1 of ${doc.calls.length} calls`);
      await page.locator("#call-table tbody tr:visible button.open").focus();
      await page.keyboard.press("Enter");
      await page.locator('#ladder-host .callhead:has-text("bulk-0003@pbx.example.com")').waitFor();
      await page.locator("#ladder-host g.msg").first().focus();
      await page.keyboard.press("Enter");
      expect(await page.locator("#detail h3").first().textContent()).toBe("INVITE");
      expect(await page.locator("#detail pre.raw").textContent()).toContain("Call-ID: bulk-0003@pbx.example.com");
      await page.fill("#search", "");
      expect(await page.locator("#call-table tbody tr:visible").count()).toBe(doc.calls.length);
    });

    it("keeps hostile capture text as text", async () => {
      await page.click(`button.open[aria-label="Show call ${hostileCallNumber}"]`);
      await page.locator('#ladder-host g.msg[data-msg]').first().waitFor();
      await page.locator("#ladder-host g.msg").nth(1).click();
      const detail = (await page.locator("#detail").textContent()) ?? "";
      expect(detail).toContain("<script>alert(1)</script>");
      expect(detail).toContain("\\u202e");
      expect(await page.locator("script").count()).toBe(2);
      expect(await page.locator("img").count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(requests).toEqual([]);
    });

    it("parses the standalone SVG ladder as well-formed XML", async () => {
      const svg = renderLadderSvg(doc, [HOSTILE_CALL], {}) + renderLadderSvg(doc, [TRANSFER_CALL_A], { linked: true });
      const docs = svg.split('<?xml version="1.0" encoding="UTF-8"?>\n').filter((s) => s !== "");
      // A blank page of its own: parsing an SVG with <style> inside the report would trip the report's CSP.
      const blank = await browser.newPage();
      for (const one of docs) {
        const errors = await blank.evaluate(
          `new DOMParser().parseFromString(${JSON.stringify(one)}, "image/svg+xml").getElementsByTagName("parsererror").length`,
        );
        expect(errors).toBe(0);
      }
      await blank.close();
    });

    it("renders a screenshot that is not blank, in light and dark", async () => {
      await page.click('button.open[aria-label="Show call 1"]');
      await page.click('#ladder-host g.msg[data-msg="7"]');
      const light = await page.screenshot({ path: path.join(outDir, "report.png"), fullPage: true });
      const stats = measurePng(light);
      expect(stats.width).toBe(1440);
      expect(stats.colours).toBeGreaterThan(50);
      expect(stats.nonBackground).toBeGreaterThan(0.1);
      await page.emulateMedia({ colorScheme: "dark" });
      const dark = await page.screenshot({ path: path.join(outDir, "report-dark.png") });
      const darkStats = measurePng(dark);
      expect(darkStats.colours).toBeGreaterThan(50);
      expect(darkStats.nonBackground).toBeGreaterThan(0.1);
      expect(consoleErrors).toEqual([]);
      expect(requests).toEqual([]);
    });
  });
}
