/**
 * Data for the report's script, embedded as `<script type="application/json">`. Besides JSON's own escapes,
 * `<`, `>` and `&` become \u003c \u003e \u0026 so that `</script>` or `<!--` inside a capture cannot end or
 * change the element; the client reads it with JSON.parse(textContent), never as markup.
 */
import type { Json } from "../json-text.js";
import { stringifyJson } from "../json-text.js";

export function embedJson(id: string, value: Json): string {
  const text = stringifyJson(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `<script type="application/json" id="${id}">${text}</script>`;
}
