/**
 * Raw SIP text (pasted wire text, ad-hoc stack prints): the fallback. A message starts at a SIP start line outside
 * a message; its headers run to the empty line and its body to Content-Length, or (no Content-Length) to an empty
 * line followed by the next start line. Everything else is reported as unparsed.
 */
import type { FormatReader, LineParser } from "./parser-env.js";
import { BlockParserBase } from "./parser-env.js";
import type { LineSource } from "./line-source.js";
import { EMPTY_META } from "./log-block.js";
import { contentLengthOfLines, isStartLineText } from "../sip/framing-text.js";
import { isBlank } from "./sip-text.js";

type State =
  | { readonly kind: "idle" }
  | { readonly kind: "headers"; readonly lines: string[] }
  | { readonly kind: "body"; remaining: number; lastBlank: boolean }
  | { readonly kind: "body-unknown"; lastBlank: boolean };

const MAX_HEADER_LINES = 500;

class RawSipParser extends BlockParserBase implements LineParser {
  private state: State = { kind: "idle" };

  line(l: LineSource): void {
    const text = l.text;
    const start = isStartLineText(text.trim());
    const st = this.state;
    switch (st.kind) {
      case "idle":
        if (start) this.begin(text, l.no);
        else this.outside(text, l.no);
        return;
      case "headers":
        if (start) {
          this.begin(text, l.no);
          return;
        }
        this.block?.add(text, l.no);
        if (!isBlank(text)) {
          if (st.lines.length < MAX_HEADER_LINES) st.lines.push(text.trim());
          return;
        }
        this.afterHeaders(contentLengthOfLines(st.lines));
        return;
      case "body":
        // A start line right after the headers is a message/sipfrag body; after an empty line inside the body it
        // is the next message (this one was shorter than its Content-Length).
        if (start && st.lastBlank) {
          this.begin(text, l.no);
          return;
        }
        this.block?.add(text, l.no);
        st.lastBlank = isBlank(text);
        st.remaining -= text.trim().length + 2;
        if (st.remaining <= 0) this.finishMessage();
        return;
      case "body-unknown":
        if (start && st.lastBlank) {
          this.begin(text, l.no);
          return;
        }
        this.block?.add(text, l.no);
        st.lastBlank = isBlank(text);
        return;
    }
  }

  private begin(text: string, no: number): void {
    this.open(EMPTY_META, no);
    this.block?.add(text, no);
    this.state = { kind: "headers", lines: [] };
  }

  private afterHeaders(contentLength: number | null): void {
    if (contentLength === 0) this.finishMessage();
    else if (contentLength === null || contentLength < 0) this.state = { kind: "body-unknown", lastBlank: true };
    else this.state = { kind: "body", remaining: contentLength, lastBlank: false };
  }

  private finishMessage(): void {
    this.close();
    this.state = { kind: "idle" };
  }

  override end(): void {
    this.finishMessage();
  }
}

export const rawSip: FormatReader = {
  format: "raw-sip",
  detect: (lines) => lines.some((t) => isStartLineText(t.trim())),
  create: (env) => new RawSipParser(env),
};
