/** Words for every other response: the catalogue page, framed by the method it answers and the wire phrase. */
import { explainCode } from "../pages/explain.js";
import type { AnnotationText, Lang, MessageContext } from "../types.js";
import { cleanOrNull, responseLine } from "./facts.js";

interface GenericFrame {
  /** "486 Busy Here to INVITE". */
  head(line: string, method: string | null): string;
  /** Said when the phrase on the wire differs from the registry's. */
  wireReason(wire: string, canonical: string): string;
}

const FRAMES: Readonly<Record<Lang, GenericFrame>> = {
  en: {
    head: (line, method) => (method === null ? line : `${line} to ${method}`),
    wireReason: (wire, canonical) => `The reason phrase on the wire is "${wire}"; the registered phrase is "${canonical}" (the phrase is free text, RFC 3261 §7.2: trust the code).`,
  },
  vi: {
    head: (line, method) => (method === null ? line : `${line} cho ${method}`),
    wireReason: (wire, canonical) => `Reason phrase trên đường truyền là “${wire}”; cụm đã đăng ký là “${canonical}” (cụm lý do là văn bản tự do, RFC 3261 §7.2: hãy tin vào mã số).`,
  },
  zh: {
    head: (line, method) => (method === null ? line : `对 ${method} 的 ${line}`),
    wireReason: (wire, canonical) => `线路上的原因短语是“${wire}”，注册的短语是“${canonical}”（原因短语是自由文本，RFC 3261 §7.2：以代码为准）。`,
  },
};

/** First sentence of a description, for the one-line summary. */
function firstSentence(text: string): string {
  const m = /^.*?[.。](?=\s|$)/u.exec(text);
  return m === null ? text : m[0];
}

export function describeGeneric(code: number, ctx: MessageContext, lang: Lang): AnnotationText {
  const page = explainCode(code, lang);
  const frame = FRAMES[lang];
  const method = cleanOrNull(ctx.method);
  const head = frame.head(responseLine(ctx), method);
  const sep = lang === "zh" ? "：" : ": ";
  let explanation = page.description;
  const wire = cleanOrNull(ctx.reason)?.trim() ?? "";
  if (page.reason !== null && wire !== "" && wire.toLowerCase() !== page.reason.toLowerCase()) {
    explanation += ` ${frame.wireReason(wire, page.reason)}`;
  }
  return { summary: `${head}${sep}${firstSentence(page.description)}`, explanation, nextSteps: page.howToFix };
}
