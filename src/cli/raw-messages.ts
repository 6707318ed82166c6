/**
 * Raw message text by message index, for the HTML report's message panel, `show`, `--raw` and saved analyses:
 * capped per message and in total; `keep` limits it to the messages a command will print.
 */
import type { SipMessage } from "../sip/message.js";

const PER_MESSAGE = 64 * 1024;
const TOTAL = 256 * 1024 * 1024;

export class RawMessages {
  private readonly texts = new Map<number, string>();
  private total = 0;

  constructor(private readonly keep: (m: SipMessage) => boolean = () => true) {}

  add(m: SipMessage): void {
    if (this.total >= TOTAL || !this.keep(m)) return;
    const b = m.bytes;
    const text = b.length > PER_MESSAGE ? `${b.toString("utf8", 0, PER_MESSAGE)}\n… (${b.length - PER_MESSAGE} more bytes)` : b.toString("utf8");
    this.total += text.length;
    this.texts.set(m.index, text);
  }

  get(index: number): string | null {
    return this.texts.get(index) ?? null;
  }

  /** Text kept from elsewhere (a saved analysis). */
  set(index: number, text: string): void {
    this.texts.set(index, text);
  }
}
