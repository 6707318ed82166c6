/**
 * Terminal output primitives: capture text escaped so control characters never reach the terminal raw,
 * and SGR colours by severity (error red, warning yellow, info cyan, ok green) only when colour is on.
 * Colour codes are added after escaping, so they are the only escape sequences in the output.
 */
import type { Severity } from "../model/outcomes.js";
import type { ColorMode } from "./color-mode.js";
import { escapeVisible } from "./escape-visible.js";

export type TextStyle = Severity | "bold" | "dim" | "heading" | "plain";

const SGR: Readonly<Record<TextStyle, string>> = {
  error: "\u001b[31m",
  warning: "\u001b[33m",
  info: "\u001b[36m",
  ok: "\u001b[32m",
  bold: "\u001b[1m",
  dim: "\u001b[2m",
  heading: "\u001b[1;4m",
  plain: "",
};

const RESET = "\u001b[0m";

/** One-line capture text made safe for a terminal: `\x1b`, `\u202e` ... shown instead of acting. */
export function escapeTerminal(text: string): string {
  return escapeVisible(text);
}

/** Multi-line capture text (a raw SIP message): keeps line feeds and tabs, escapes everything else. */
export function escapeTerminalBlock(text: string): string {
  return escapeVisible(text, { multiline: true });
}

export function isColorEnabled(mode: ColorMode | boolean): boolean {
  return mode === true || mode === "ansi";
}

/** Wraps already-escaped text in a colour; returns it unchanged when colour is off. */
export function paint(text: string, style: TextStyle, color: boolean): string {
  const code = SGR[style];
  if (!color || code === "" || text === "") return text;
  return `${code}${text}${RESET}`;
}

/** The SGR prefix for a style ("" when colour is off), for cell-by-cell renderers. */
export function sgrFor(style: TextStyle, color: boolean): string {
  return color ? SGR[style] : "";
}

export function sgrReset(color: boolean): string {
  return color ? RESET : "";
}

/** A glyph per severity, so severity is readable without colour too. */
export function severityGlyph(severity: Severity): string {
  switch (severity) {
    case "error":
      return "✖";
    case "warning":
      return "▲";
    case "info":
      return "●";
    case "ok":
      return "✔";
  }
}

const RANK: Readonly<Record<Severity, number>> = { ok: 0, info: 1, warning: 2, error: 3 };

/** The more severe of two severities (null counts as none). */
export function worseSeverity(a: Severity | null, b: Severity | null): Severity | null {
  if (a === null) return b;
  if (b === null) return a;
  return RANK[a] >= RANK[b] ? a : b;
}
