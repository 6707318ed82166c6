/** 4xx Client Failure responses: RFC 3261's own and the later registrations, in code order. */
import type { CodeData } from "../types.js";
import { CODES_4XX_EXTENSIONS } from "./4xx-extensions.js";
import { CODES_4XX_RFC3261_A } from "./4xx-rfc3261-a.js";
import { CODES_4XX_RFC3261_B } from "./4xx-rfc3261-b.js";

export const CODES_4XX: readonly CodeData[] = [...CODES_4XX_RFC3261_A, ...CODES_4XX_RFC3261_B, ...CODES_4XX_EXTENSIONS].sort(
  (a, b) => a.code - b.code,
);
