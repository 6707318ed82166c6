/** Number and text helpers shared by the locales: durations and hostile-text cleaning. */

/** Units a locale uses for durations. */
export interface DurationUnits {
  readonly ms: string;
  readonly s: string;
  readonly min: string;
  readonly decimal: "." | ",";
  readonly space: string;
}

/** 850 -> "850 ms", 2140 -> "2.1 s", 125000 -> "2 min 5 s" (units and decimal mark per locale). */
export function formatDuration(ms: number, u: DurationUnits): string {
  if (!Number.isFinite(ms)) return "?";
  const abs = Math.abs(ms);
  const sign = ms < 0 ? "-" : "";
  if (abs < 1000) return `${sign}${String(Math.round(abs))}${u.space}${u.ms}`;
  if (abs < 60_000) {
    const tenths = Math.round(abs / 100) / 10;
    const text = Number.isInteger(tenths) ? String(tenths) : tenths.toFixed(1);
    return `${sign}${text.replace(".", u.decimal)}${u.space}${u.s}`;
  }
  const totalS = Math.round(abs / 1000);
  const min = Math.floor(totalS / 60);
  const s = totalS % 60;
  const minText = `${String(min)}${u.space}${u.min}`;
  return s === 0 ? `${sign}${minText}` : `${sign}${minText} ${String(s)}${u.space}${u.s}`;
}

const MAX_CAPTURE_TEXT = 200;

/**
 * Text taken from a capture (URI, reason phrase) made safe to embed in a sentence: control characters
 * become U+FFFD and the text is cut at 200 characters. Escaping for a format is the renderer's job.
 */
export function cleanCaptureText(text: string): string {
  let out = "";
  let count = 0;
  for (const ch of text) {
    if (count >= MAX_CAPTURE_TEXT) {
      out += "…";
      break;
    }
    const cp = ch.codePointAt(0) ?? 0;
    const isControl = cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029;
    out += isControl ? "\uFFFD" : ch;
    count++;
  }
  return out;
}
