/** Every designed scenario, in fixture order. */
import { REFER_SCENARIOS } from "./refer-scenarios.js";
import type { Scenario } from "./scenario.js";

export const ALL_SCENARIOS: readonly (() => Scenario)[] = [...REFER_SCENARIOS];
