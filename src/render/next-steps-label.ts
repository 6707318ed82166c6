/** The "Next steps:" label of an annotation in the report's own language (ux: vi/zh reports were half English). */
import { uiStrings, type Lang } from "../knowledge/index.js";

export function nextStepsLabel(lang: Lang): string {
  const h = uiStrings(lang).headings.nextSteps;
  // Chinese typography: a full-width colon, no space.
  return lang === "zh" ? `${h}：` : `${h}:`;
}
