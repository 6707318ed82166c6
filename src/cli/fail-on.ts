/**
 * `--fail-on no-notify,transfer-failed`, `refer:no-notify`, a severity (`error`, `warning`) or a response code or
 * class (`486`, `5xx`): turn findings into a non-zero exit for CI jobs, and say on stderr what matched.
 */
import type { AnnotationRecord } from "../model/document.js";
import { OUTCOMES_BY_KIND, type AnnotationKind } from "../model/outcomes.js";
import { UsageError } from "../diagnostics/errors.js";
import { escapeVisible } from "../render/escape-visible.js";

export interface FailOn {
  readonly outcomes: ReadonlySet<string>;
  readonly severities: ReadonlySet<string>;
  readonly codes: ReadonlySet<number>;
  readonly classes: ReadonlySet<number>;
}

const ALL = new Set<string>(Object.entries(OUTCOMES_BY_KIND).flatMap(([kind, list]) => (list as readonly string[]).flatMap((o) => [o, `${kind}:${o}`])));
const SEVERITIES = new Set(["error", "warning"]);

export function readFailOn(v: readonly string[] | undefined): FailOn | null {
  if (v === undefined) return null;
  const items = v.flatMap((x) => x.split(",")).map((s) => s.trim()).filter((s) => s.length > 0);
  const f = { outcomes: new Set<string>(), severities: new Set<string>(), codes: new Set<number>(), classes: new Set<number>() };
  for (const i of items) {
    const cls = /^([1-6])xx$/i.exec(i);
    if (ALL.has(i)) f.outcomes.add(i);
    else if (SEVERITIES.has(i)) f.severities.add(i);
    else if (cls !== null) f.classes.add(Number(cls[1]));
    else if (/^[1-6]\d\d$/.test(i)) f.codes.add(Number(i));
    else throw new UsageError(`--fail-on: unknown ${JSON.stringify(i)}; give a severity (error, warning), a response code or class (486, 5xx), or an outcome: ${Object.entries(OUTCOMES_BY_KIND).map(([k, l]) => `${k}: ${(l as readonly string[]).join(", ")}`).join("; ")}`);
  }
  return f;
}

/** Generic annotations count for codes and classes; severities and outcomes only count tracker findings and notable generic ones. */
export function failOnMatches(f: FailOn | null, a: AnnotationRecord): boolean {
  if (f === null) return false;
  const kind: AnnotationKind = a.kind;
  if (f.outcomes.has(a.outcome) || f.outcomes.has(`${kind}:${a.outcome}`)) return true;
  if (f.codes.has(a.code) || f.classes.has(Math.floor(a.code / 100))) return true;
  return f.severities.has(a.severity);
}

/** Collects matches for the stderr report: per kind:outcome, the count and the first few frames. */
export class FailOnReport {
  private readonly byKey = new Map<string, { n: number; where: string[] }>();

  add(a: AnnotationRecord): void {
    const key = `${a.kind}:${a.outcome} ${a.code}`;
    const entry = this.byKey.get(key) ?? { n: 0, where: [] };
    entry.n++;
    if (entry.where.length < 3) entry.where.push(`${a.frame !== null ? `frame ${a.frame}` : a.line !== null ? `line ${a.line}` : a.file}${a.callId === null ? "" : `, Call-ID ${a.callId}`}`);
    this.byKey.set(key, entry);
  }

  get matched(): boolean {
    return this.byKey.size > 0;
  }

  /** `sipta: --fail-on matched refer:no-notify (202) ×1 (frame 24, Call-ID …)`, one line per outcome. */
  lines(): string[] {
    return [...this.byKey.entries()].map(([key, e]) => {
      const [outcome = "", code = ""] = key.split(" ");
      return `sipta: --fail-on matched ${outcome} (${code}) ×${e.n} (${escapeVisible(e.where.join("; "))}${e.n > e.where.length ? "; …" : ""})`;
    });
  }
}
