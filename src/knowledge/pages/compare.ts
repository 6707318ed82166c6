/**
 * Two codes side by side, generated from the catalogue for any pair (the structure of the client's seed
 * pages): class difference, both descriptions, when you meet each, what to do for each, when to use which.
 */
import { findEntry } from "../catalogue/index.js";
import { uiStrings } from "../locale/index.js";
import type { ComparePage, Lang } from "../types.js";
import { explainCode } from "./explain.js";

/** "430 Flow Failed", or "499" for an unregistered code. */
function bareTitle(code: number, reason: string | null): string {
  return reason === null ? String(code) : `${String(code)} ${reason}`;
}

export function compareCodes(a: number, b: number, lang: Lang): ComparePage {
  const ui = uiStrings(lang);
  const pa = explainCode(a, lang);
  const pb = explainCode(b, lang);
  const sameClass = pa.cls.id !== null && pa.cls.id === pb.cls.id;
  const aName = ui.codeWithReason(a, pa.reason);
  const bName = ui.codeWithReason(b, pb.reason);
  const classSentence = ui.classSentence(aName, pa.cls.name, bName, pb.cls.name, sameClass);

  const keyDifference: string[] = [classSentence];
  if (!sameClass) keyDifference.push(pa.cls.summary, pb.cls.summary);
  const colon = lang === "zh" ? "：" : ": ";
  keyDifference.push(`SIP ${String(a)}${colon}${pa.description}`, `SIP ${String(b)}${colon}${pb.description}`);
  const aCause = pa.whenYouSeeIt[0];
  const bCause = pb.whenYouSeeIt[0];
  if (aCause !== undefined) keyDifference.push(ui.meetLine(a, aCause));
  if (bCause !== undefined) keyDifference.push(ui.meetLine(b, bCause));
  const ea = findEntry(a);
  const eb = findEntry(b);
  if (ea !== null && eb !== null && ea.ref.rfc === eb.ref.rfc && a !== b) {
    keyDifference.push(ui.sameRfc(ui.formatRef(ea.ref.rfc, null)));
  }

  const aWords = pa.cls.id === null ? ui.noClass : ui.classes[pa.cls.id];
  const bWords = pb.cls.id === null ? ui.noClass : ui.classes[pb.cls.id];
  // A per-code "who sends it" beats the class sentence, which is wrong for codes such as 430 (knowledge audit T10).
  const aWho = ea?.texts[lang].whoSends;
  const bWho = eb?.texts[lang].whoSends;
  const whenToUseWhich = [
    ...(aWho === undefined && bWho === undefined ? [ui.useSentence(String(a), aWords.use, String(b), bWords.use, sameClass)] : [[aWho, bWho].filter((x): x is string => x !== undefined).join(lang === "zh" ? "" : " ")]),
    ui.doLine(aName, pa.howToFix),
    ui.doLine(bName, pb.howToFix),
  ];

  return {
    kind: "compare",
    lang,
    title: ui.compareTitle(bareTitle(a, pa.reason), bareTitle(b, pb.reason)),
    // Chinese sets no space between sentences (knowledge audit 3.3).
    intro: `${classSentence}${lang === "zh" ? "" : " "}${ui.contrast(pa.description, pb.description)}`,
    a: pa,
    b: pb,
    keyDifference,
    whenToUseWhich,
  };
}
