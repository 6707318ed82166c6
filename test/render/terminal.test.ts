import { describe, expect, it } from "vitest";
import { resolveColorMode } from "../../src/render/color-mode.js";
import { escapeVisible, hasUnsafeCharacters } from "../../src/render/escape-visible.js";
import { escapeTerminal, escapeTerminalBlock, paint, worseSeverity } from "../../src/render/terminal.js";
import { measureWidth, truncateMiddle, truncateToWidth, wrapToWidth } from "../../src/render/text-width.js";
import { findRawUnsafe } from "./terminal-safety.js";

describe("escapeVisible", () => {
  it("shows C0, ESC, DEL and C1 as \\xNN", () => {
    expect(escapeTerminal("a\u001b[2Jb")).toBe("a\\x1b[2Jb");
    expect(escapeTerminal("\u0000\u0007\t\r\n")).toBe("\\x00\\x07\\x09\\x0d\\x0a");
    expect(escapeTerminal("x\u007fy\u009bz\u0085")).toBe("x\\x7fy\\x9bz\\x85");
  });

  it("shows bidi overrides, isolates, separators and BOM as \\uNNNN", () => {
    expect(escapeTerminal("gnp\u202eexe")).toBe("gnp\\u202eexe");
    expect(escapeTerminal("\u2066a\u2069\u200f\u2028\ufeff")).toBe("\\u2066a\\u2069\\u200f\\u2028\\ufeff");
  });

  it("escapes lone surrogates but keeps pairs (emoji) and CJK", () => {
    expect(escapeTerminal("\ud83d\ude00 中文 tiếng Việt")).toBe("\ud83d\ude00 中文 tiếng Việt");
    expect(escapeTerminal("a\ud800b\udc00")).toBe("a\\ud800b\\udc00");
  });

  it("keeps line feeds and tabs in block mode, turns CRLF into LF, escapes lone CR", () => {
    expect(escapeTerminalBlock("INVITE sip:a SIP/2.0\r\nVia:\tx\r\n\u001b[31m\rX")).toBe("INVITE sip:a SIP/2.0\nVia:\tx\n\\x1b[31m\\x0dX");
  });

  it("leaves safe text unchanged and detects unsafe text", () => {
    expect(escapeVisible("sip:alice@example.com;tag=1")).toBe("sip:alice@example.com;tag=1");
    expect(hasUnsafeCharacters("ok")).toBe(false);
    expect(hasUnsafeCharacters("a\u202e")).toBe(true);
    expect(hasUnsafeCharacters("a\u202e")).toBe(true); // regex state is reset between calls
  });

  it("leaves nothing unsafe for every code unit 0..0xffff", () => {
    let all = "";
    for (let i = 0; i < 0x10000; i++) all += String.fromCharCode(i);
    expect(findRawUnsafe(escapeTerminal(all))).toBeNull();
  });
});

describe("colour", () => {
  it("paints only when enabled", () => {
    expect(paint("x", "error", false)).toBe("x");
    expect(paint("x", "error", true)).toBe("\u001b[31mx\u001b[0m");
    expect(paint("x", "warning", true)).toContain("\u001b[33m");
    expect(paint("x", "info", true)).toContain("\u001b[36m");
    expect(paint("x", "ok", true)).toContain("\u001b[32m");
  });

  it("resolves the colour mode from TTY, NO_COLOR and FORCE_COLOR", () => {
    const base = { isTty: true, noColor: undefined, forceColor: undefined, term: "xterm-256color" };
    expect(resolveColorMode(base)).toBe("ansi");
    expect(resolveColorMode({ ...base, isTty: false })).toBe("none");
    expect(resolveColorMode({ ...base, noColor: "1" })).toBe("none");
    expect(resolveColorMode({ ...base, noColor: "" })).toBe("ansi");
    expect(resolveColorMode({ ...base, isTty: false, forceColor: "1" })).toBe("ansi");
    expect(resolveColorMode({ ...base, noColor: "1", forceColor: "3" })).toBe("ansi");
    expect(resolveColorMode({ ...base, forceColor: "0" })).toBe("none");
    expect(resolveColorMode({ ...base, term: "dumb" })).toBe("none");
  });

  it("orders severities", () => {
    expect(worseSeverity("ok", "error")).toBe("error");
    expect(worseSeverity("warning", "info")).toBe("warning");
    expect(worseSeverity(null, "ok")).toBe("ok");
  });
});

describe("text width", () => {
  it("counts CJK as two cells and combining marks as none", () => {
    expect(measureWidth("中文")).toBe(4);
    expect(measureWidth("e\u0301")).toBe(1);
    expect(measureWidth("abc")).toBe(3);
  });

  it("truncates with an ellipsis within the width", () => {
    expect(truncateToWidth("abcdefgh", 5)).toBe("abcd…");
    expect(truncateToWidth("中文中文", 5)).toBe("中文…");
    expect(measureWidth(truncateToWidth("中文中文", 5))).toBeLessThanOrEqual(5);
    expect(truncateToWidth("abc", 5)).toBe("abc");
  });

  it("keeps the port when an IPv6 endpoint is cut in the middle", () => {
    const t = truncateMiddle("[2001:db8:85a3:0:0:8a2e:370:7334]:5061", 20);
    expect(measureWidth(t)).toBeLessThanOrEqual(20);
    expect(t.startsWith("[2001")).toBe(true);
    expect(t.endsWith(":5061")).toBe(true);
    expect(t).toContain("…");
  });

  it("wraps words and breaks over-long ones", () => {
    const lines = wrapToWidth(`short words here ${"x".repeat(30)}`, 12);
    expect(lines.every((l) => measureWidth(l) <= 12)).toBe(true);
    expect(lines.join("")).toContain("x".repeat(12));
  });
});
