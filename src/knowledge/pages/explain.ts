/** One code's page: catalogue text for registered codes, a class-based page for the others. */
import { classOfCode, findEntry } from "../catalogue/index.js";
import { uiStrings } from "../locale/index.js";
import type { ClassInfo, CodeClassId, CodePage, Lang } from "../types.js";

/** The x00 code of a class ("400 Bad Request"), used for unregistered codes (RFC 3261 §8.1.3.2). */
function describeX00(cls: CodeClassId): string {
  const x00 = Number(cls.charAt(0)) * 100;
  const entry = findEntry(x00);
  return entry === null ? String(x00) : `${x00} ${entry.reason}`;
}

/** RFC 3261 §21 subsection per class, for class-based pages. */
const CLASS_SECTION: Readonly<Record<CodeClassId, string>> = {
  "1xx": "21.1",
  "2xx": "21.2",
  "3xx": "21.3",
  "4xx": "21.4",
  "5xx": "21.5",
  "6xx": "21.6",
};

export function describeClass(code: number, lang: Lang): ClassInfo {
  const ui = uiStrings(lang);
  const id = classOfCode(code);
  const words = id === null ? ui.noClass : ui.classes[id];
  return { id, name: ui.className(words, id), summary: words.summary };
}

export function explainCode(code: number, lang: Lang): CodePage {
  const ui = uiStrings(lang);
  const cls = describeClass(code, lang);
  const entry = findEntry(code);
  if (entry !== null) {
    const texts = entry.texts[lang];
    return {
      kind: "code",
      lang,
      code,
      registered: true,
      reason: entry.reason,
      deprecated: entry.deprecated,
      title: ui.codeTitle(code, entry.reason),
      cls,
      reference: ui.formatRef(entry.ref.rfc, entry.ref.section),
      seeAlso: entry.seeAlso.map((r) => ui.formatRef(r.rfc, r.section)),
      notice: null,
      description: texts.description,
      whenYouSeeIt: texts.whenYouSeeIt,
      howToFix: texts.howToFix,
    };
  }
  if (cls.id === null) {
    return {
      kind: "code",
      lang,
      code,
      registered: false,
      reason: null,
      deprecated: false,
      title: ui.codeTitle(code, null),
      cls,
      reference: ui.formatRef(3261, "7.2"),
      seeAlso: [],
      notice: ui.unregisteredNotice(code),
      description: ui.invalidClassDescription(code),
      whenYouSeeIt: ui.invalidClassWhen,
      howToFix: ui.invalidClassFix,
    };
  }
  const x00 = describeX00(cls.id);
  return {
    kind: "code",
    lang,
    code,
    registered: false,
    reason: null,
    deprecated: false,
    title: ui.codeTitle(code, null),
    cls,
    reference: ui.formatRef(3261, CLASS_SECTION[cls.id]),
    seeAlso: [ui.formatRef(3261, "8.1.3.2")],
    notice: ui.unregisteredNotice(code),
    description: ui.unregisteredDescription(code, x00, cls.summary, cls.id === "1xx"),
    whenYouSeeIt: ui.unregisteredWhen,
    howToFix: ui.unregisteredFix(x00),
  };
}
