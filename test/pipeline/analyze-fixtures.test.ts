/**
 * Every fixture the project has (captures per ingestion behaviour, tracker scenarios, real SIPp captures, text
 * logs in every format, the demo) through the whole analysis: the document validates against the published
 * JSON Schema, and every response carries exactly one annotation, of a tracker kind exactly when one is owed.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/pipeline/analyze.js";
import type { AnalysisDocument } from "../../src/model/document.js";

const ROOT = resolve(import.meta.dirname, "../..");
const schema: unknown = JSON.parse(readFileSync(join(ROOT, "docs/schema/analysis.schema.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema as object);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return walk(p);
    return /\.(json|md)$/.test(name) ? [] : [p];
  });
}

import { existsSync } from "node:fs";

const CORPUS = resolve(ROOT, "../shared/corpus");
const hasCorpus = existsSync(CORPUS);
if (!hasCorpus) console.warn(`analyze-fixtures: ${CORPUS} is absent; the real-corpus half of this test is skipped`);
const FILES = [...walk(join(ROOT, "fixtures")), ...(hasCorpus ? walk(CORPUS).filter((f) => !/\.(tsv|sh|meta)$/.test(f)) : [])].sort();

/** The trackers owe a finding to: 430/439, 401/407, every 3xx, the final response to a REFER, a 202 (retransmissions excepted). */
function owed(doc: AnalysisDocument, index: number): boolean {
  const m = doc.messages[index];
  if (m?.status == null || m.status < 200 || m.retransmissionOf !== null || m.copyOf !== null) return false;
  return m.status === 430 || m.status === 439 || m.status === 401 || m.status === 407 || (m.status >= 300 && m.status < 400) || m.cseq?.method === "REFER" || m.status === 202;
}

describe("analyze() over every fixture", () => {
  it("finds the fixtures (and the corpus when present)", () => {
    expect(FILES.length).toBeGreaterThan(hasCorpus ? 130 : 60);
  });

  it.each(FILES.map((f) => [relative(ROOT, f).replace(/^\.\.\/shared\//, "shared/"), f]))("%s: schema-valid, one annotation per response", async (_name, file) => {
    const doc = await analyze([file], { lang: "en" });
    const ok = validate(JSON.parse(JSON.stringify(doc)));
    if (!ok) throw new Error(ajv.errorsText(validate.errors, { separator: "\n" }).slice(0, 2000));
    const perMessage = new Map<number, number>();
    for (const a of doc.annotations) perMessage.set(a.message, (perMessage.get(a.message) ?? 0) + 1);
    for (const m of doc.messages) {
      if (m.status === null || m.copyOf !== null) {
        expect(perMessage.get(m.index)).toBeUndefined();
        continue;
      }
      expect(perMessage.get(m.index), `response #${m.index} (${m.status})`).toBe(1);
    }
    for (const a of doc.annotations) {
      expect(a.kind !== "generic", `#${a.message} ${a.code} ${a.kind}`).toBe(owed(doc, a.message));
      expect(a.summary.length).toBeGreaterThan(0);
      expect(a.nextSteps.length).toBeGreaterThan(0);
    }
    expect(doc.summary.messages).toBe(doc.messages.filter((m) => m.copyOf === null).length);
  });
});
