/** Every designed scenario, in fixture order. */
import { OUTBOUND_SCENARIOS } from "./outbound-scenarios.js";
import { REDIRECT_SCENARIOS } from "./redirect-scenarios.js";
import { REFER_SCENARIOS } from "./refer-scenarios.js";
import type { Scenario } from "./scenario.js";

export const ALL_SCENARIOS: readonly (() => Scenario)[] = [...REFER_SCENARIOS, ...REDIRECT_SCENARIOS, ...OUTBOUND_SCENARIOS];
