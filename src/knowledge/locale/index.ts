/** Locale lookup: one UiStrings per Lang; the mapped type makes a missing locale a type error. */
import type { Lang } from "../types.js";
import { EN } from "./en.js";
import type { UiStrings } from "./ui-strings.js";
import { VI } from "./vi.js";
import { ZH } from "./zh.js";

export type { ClassWords, Headings, UiStrings } from "./ui-strings.js";

const LOCALES: Readonly<Record<Lang, UiStrings>> = { en: EN, vi: VI, zh: ZH };

export function uiStrings(lang: Lang): UiStrings {
  return LOCALES[lang];
}
