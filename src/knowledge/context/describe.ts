/** describeAnnotation: the contextual summary, explanation and next steps of one annotation, in one language. */
import { uiStrings } from "../locale/index.js";
import type { AnnotationText, AnnotationTextInput, Lang } from "../types.js";
import { ACCEPTED_TEXTS } from "./accepted-texts.js";
import { CHALLENGE_TEXTS, extractChallengeFacts } from "./challenge-texts.js";
import { responseLine } from "./facts.js";
import { extractFlowFacts } from "./flow-facts.js";
import { FLOW_TEXTS } from "./flow-texts.js";
import { describeGeneric } from "./generic-texts.js";
import { extractRedirectFacts } from "./redirect-facts.js";
import { REDIRECT_TEXTS } from "./redirect-texts.js";
import { extractReferFacts } from "./refer-facts.js";
import { REFER_TEXTS } from "./refer-texts.js";

export function describeAnnotation(input: AnnotationTextInput, lang: Lang): AnnotationText {
  const ui = uiStrings(lang);
  switch (input.kind) {
    case "refer":
      return REFER_TEXTS[lang][input.outcome](extractReferFacts(input.details, input.code, input.ctx), ui);
    case "redirect":
      return REDIRECT_TEXTS[lang][input.outcome](extractRedirectFacts(input.details, input.code, input.ctx), ui);
    case "flow":
      return FLOW_TEXTS[lang][input.outcome](extractFlowFacts(input.details, input.code, input.ctx), ui);
    case "accepted": {
      const method = input.details.method ?? input.ctx.method;
      return ACCEPTED_TEXTS[lang][input.outcome]({ method, response: responseLine(input.ctx) });
    }
    case "challenge":
      return CHALLENGE_TEXTS[lang][input.outcome](extractChallengeFacts(input.details, input.ctx, ui));
    case "generic":
      return describeGeneric(input.code, input.ctx, lang);
    default: {
      const never: never = input;
      return never;
    }
  }
}
