/** `--fail-on no-notify,transfer-failed` or `refer:no-notify`: turn outcomes into a non-zero exit for CI jobs. */
import type { AnnotationRecord } from "../model/document.js";
import { OUTCOMES_BY_KIND, type AnnotationKind } from "../model/outcomes.js";
import { UsageError } from "../diagnostics/errors.js";

export interface FailOn {
  readonly outcomes: ReadonlySet<string>;
}

const ALL = new Set<string>(Object.entries(OUTCOMES_BY_KIND).flatMap(([kind, list]) => (list as readonly string[]).flatMap((o) => [o, `${kind}:${o}`])));

export function readFailOn(v: readonly string[] | undefined): FailOn | null {
  if (v === undefined) return null;
  const items = v.flatMap((x) => x.split(",")).map((s) => s.trim()).filter((s) => s.length > 0);
  for (const i of items) {
    if (!ALL.has(i)) throw new UsageError(`--fail-on: unknown outcome ${JSON.stringify(i)}; outcomes: ${Object.entries(OUTCOMES_BY_KIND).map(([k, l]) => `${k}: ${(l as readonly string[]).join(", ")}`).join("; ")}`);
  }
  return { outcomes: new Set(items) };
}

export function failOnMatches(f: FailOn | null, a: AnnotationRecord): boolean {
  if (f === null) return false;
  const kind: AnnotationKind = a.kind;
  return f.outcomes.has(a.outcome) || f.outcomes.has(`${kind}:${a.outcome}`);
}
