/**
 * `sipta tui` driven as a user drives it, in a real terminal: tmux at 80x24 (send-keys, capture-pane), on the demo
 * capture and a SIPp capture of a failed transfer. Open, search a Call-ID fragment, open the ladder, open a message,
 * jump along a transfer's linked legs, filter, help, quit. Skipped, visibly, when tmux is not installed
 * (.ci/run installs it).
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const HAVE_TMUX = spawnSync("tmux", ["-V"]).status === 0;
if (!HAVE_TMUX) console.warn("SKIPPED test/cli/tui.tmux.test.ts: tmux is not installed (apt-get install tmux)");

function tmux(...args: string[]): string {
  return spawnSync("tmux", args, { encoding: "utf8" }).stdout;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

class Session {
  private readonly name = `sipta-tui-${process.pid}-${Math.floor(Math.random() * 1e9)}`;

  constructor(file: string) {
    const cmd = `cd ${JSON.stringify(ROOT)} && ${JSON.stringify(process.execPath)} --import tsx src/cli/main.ts tui ${JSON.stringify(file)}; echo "EXITED:$?"; sleep 60`;
    tmux("new-session", "-d", "-s", this.name, "-x", "80", "-y", "24", cmd);
  }

  screen(): string {
    return tmux("capture-pane", "-p", "-t", this.name);
  }

  /** Waits until the screen shows `text` (the app draws asynchronously), up to 60 s on a loaded machine. */
  async waitFor(text: string | RegExp): Promise<string> {
    for (let i = 0; i < 600; i++) {
      const s = this.screen();
      if (typeof text === "string" ? s.includes(text) : text.test(s)) {
        // ink subscribes to keys just after it paints: give it a moment before the next key.
        await sleep(150);
        return s;
      }
      await sleep(100);
    }
    throw new Error(`screen never showed ${String(text)}:\n${this.screen()}`);
  }

  /** One key at a time, apart: "Escape" then "f" sent together would read as Alt-f. */
  async keys(...keys: string[]): Promise<void> {
    for (const k of keys) {
      tmux("send-keys", "-t", this.name, k);
      await sleep(300);
    }
  }

  /** Types literal text (each character a key press). */
  type(text: string): void {
    tmux("send-keys", "-t", this.name, "-l", text);
  }

  close(): void {
    tmux("kill-session", "-t", this.name);
  }
}

describe.skipIf(!HAVE_TMUX)("sipta tui in tmux (80x24)", () => {
  it("demo: search a Call-ID fragment, ladder, message, linked legs, filters, help, quit", async () => {
    const s = new Session("fixtures/demo/transfer-and-redirect.pcap");
    try {
      const list = await s.waitFor("6 of 6 calls");
      expect(list).toContain("call-ob@example.net");
      for (const line of list.split("\n")) expect(Array.from(line).length).toBeLessThanOrEqual(80);
      await s.keys("/");
      await s.waitFor("search: ");
      s.type("redir-1@a");
      await s.keys("Enter");
      const found = await s.waitFor('1 of 6 calls · all calls  search: "redir-1@a"');
      expect(found).toContain("redir-1@a.example");
      await s.keys("Enter");
      const ladder = await s.waitFor("Call-ID redir-1@a.example");
      expect(ladder).toMatch(/INVITE/);
      expect(ladder).toMatch(/302/);
      expect(ladder).toContain("redirect: followed");
      await s.keys("Down", "Enter");
      const message = await s.waitFor("message 2/");
      expect(message).toMatch(/^SIP\/2\.0 302 /m);
      expect(message).toContain("Contact:");
      await s.keys("Escape");
      await s.waitFor("Enter message");
      await s.keys("Escape");
      await s.waitFor("Enter ladder");
      // Esc in the list clears the search; then the transfer's first leg and its linked target leg.
      await s.keys("Escape");
      await s.waitFor("6 of 6 calls · all calls");
      await s.keys("/");
      await s.waitFor("search: ");
      s.type("call-1@");
      await s.keys("Enter", "Enter");
      const leg1 = await s.waitFor("leg 1/2");
      expect(leg1).toContain("Call-ID call-1@a.example");
      expect(leg1).toContain("refer: transfer-succeeded");
      await s.keys("n");
      const leg2 = await s.waitFor("leg 2/2");
      expect(leg2).toContain("Call-ID call-2@b.example");
      await s.keys("p");
      await s.waitFor("leg 1/2");
      await s.keys("Escape", "Escape", "f");
      await s.waitFor("calls with problems");
      await s.keys("?");
      await s.waitFor("sipta tui: keys");
      await s.keys("Escape", "q");
      await s.waitFor("EXITED:0");
    } finally {
      s.close();
    }
  }, 180_000);

  it("SIPp failed transfer: the failed-transfer filter, the 486 verdict beside its arrow, the target leg", async () => {
    const s = new Session("fixtures/sipp/transfer-failed-486/capture.pcap");
    try {
      await s.waitFor(/\d+ of \d+ calls/);
      await s.keys("f", "f");
      const failed = await s.waitFor("failed transfers");
      expect(failed).toContain("1 of 2 calls · failed transfers");
      await s.keys("Enter");
      const ladder = await s.waitFor("REFER");
      expect(ladder).toContain("refer: transfer-failed");
      await s.keys("n");
      const target = await s.waitFor("leg 2/2");
      expect(target).toContain("486");
      await s.keys("q");
      await s.waitFor("EXITED:0");
    } finally {
      s.close();
    }
  }, 180_000);
});
