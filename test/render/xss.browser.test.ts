/**
 * Hostile captures through the real CLI into headless Chromium: `analyze --format html`, `flow --format html` and
 * `flow --format svg` (opened as a page of its own, where an SVG script would run) of a capture carrying script,
 * onerror=, javascript:, </style> and ]]> payloads in display names, URIs, bodies, reason phrases and header values.
 * Every call is opened and every arrow clicked; no script may run (window.__pwned, dialogs), no request may leave.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostileCapture } from "../helpers/hostile-capture.js";
import { runCli } from "../helpers/run-cli.js";

const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
const SLOW = 240_000;

if (!haveChromium) console.warn(`SKIPPED: XSS browser test: ${CHROMIUM} not found (apt-get install chromium)`);

describe.skipIf(!haveChromium && process.env.CI === undefined)("hostile captures in Chromium: no script runs, no request leaves", () => {
  let browser: Browser;
  let dir = "";
  let capture = "";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sipta-xss-"));
    capture = join(dir, "hostile.pcap");
    writeFileSync(capture, hostileCapture());
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  }, SLOW);

  afterAll(async () => {
    await browser.close();
  });

  interface Watch {
    readonly requests: string[];
    readonly dialogs: string[];
    readonly errors: string[];
  }

  async function open(file: string): Promise<{ page: Page; watch: Watch }> {
    const url = pathToFileURL(file).href;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const watch: Watch = { requests: [], dialogs: [], errors: [] };
    page.on("request", (r) => {
      if (r.url() !== url) watch.requests.push(r.url());
    });
    page.on("dialog", (d) => {
      watch.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("pageerror", (e) => watch.errors.push(e.message));
    await page.goto(url);
    return { page, watch };
  }

  async function expectNothingRan(page: Page, watch: Watch): Promise<void> {
    expect(await page.evaluate("typeof window.__pwned")).toBe("undefined");
    expect(watch.dialogs).toEqual([]);
    expect(watch.requests).toEqual([]);
    expect(watch.errors).toEqual([]);
  }

  async function render(args: string[], name: string): Promise<string> {
    const r = await runCli(args);
    expect(r.code, r.err).toBe(0);
    const file = join(dir, name);
    writeFileSync(file, r.out);
    return file;
  }

  it("analyze --format html: every call opened, every arrow clicked", async () => {
    const { page, watch } = await open(await render(["analyze", capture, "--format", "html"], "report.html"));
    const calls = await page.locator("button.open").count();
    expect(calls).toBe(10);
    for (let i = 0; i < calls; i++) {
      await page.locator("button.open").nth(i).click();
      const arrows = page.locator("#ladder-host g.msg");
      await arrows.first().waitFor();
      const n = await arrows.count();
      for (let k = 0; k < n; k++) await arrows.nth(k).click();
    }
    // The payloads are on the page, as text.
    expect(await page.locator("body").textContent()).toContain("window.__pwned='onerror'");
    await expectNothingRan(page, watch);
    await page.close();
  }, SLOW);

  it("flow --format html and flow --format svg (an SVG document runs scripts if any get through)", async () => {
    for (const call of ["1", "9"]) {
      const html = await open(await render(["flow", capture, "--call", call, "--format", "html"], `flow-${call}.html`));
      const arrows = html.page.locator("g.msg");
      const n = await arrows.count();
      for (let k = 0; k < n; k++) await arrows.nth(k).click();
      await expectNothingRan(html.page, html.watch);
      await html.page.close();
      const svg = await open(await render(["flow", capture, "--call", call, "--format", "svg"], `flow-${call}.svg`));
      expect(await svg.page.locator("svg").count()).toBeGreaterThan(0);
      await expectNothingRan(svg.page, svg.watch);
      await svg.page.close();
    }
  }, SLOW);
});
