/**
 * The SCTP layer of the capture path (IP protocol 132): every DATA / I-DATA chunk of a packet (decode/sctp.ts) goes
 * through user-message reassembly (reassembly/sctp-messages.ts), and each whole user message is framed like a
 * datagram: RFC 4168 carries one SIP message per SCTP user message, found by content whatever the PPID (IANA
 * assigns none to SIP; 0 is common). Non-SIP user messages (M3UA, Diameter ...) are skipped silently.
 */
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import type { IpHeader } from "../decode/ip-header.js";
import { decodeSctp } from "../decode/sctp.js";
import { frameRef } from "../model/origin.js";
import { SctpMessageAssembler } from "../reassembly/sctp-messages.js";
import type { CaptureEmitter } from "./emit.js";

export class SctpLayer {
  private readonly assembler: SctpMessageAssembler;

  constructor(private readonly emitter: CaptureEmitter) {
    this.assembler = new SctpMessageAssembler(emitter.file, emitter.sink);
  }

  packet(b: Buffer, off: number, end: number, h: IpHeader): void {
    const em = this.emitter;
    const p = decodeSctp(b, off, end);
    if (typeof p === "string") {
      em.sink.report(makeDiagnostic("decode.sctp_malformed", frameRef(em.file, em.frame), `${p}; packet skipped`));
      return;
    }
    if (p.problem !== null) em.sink.report(makeDiagnostic("decode.sctp_malformed", frameRef(em.file, em.frame), `${p.problem}; the ${p.chunks.length} data chunk(s) before it are kept`));
    if (p.chunks.length === 0) return;
    const dir = `${h.src}|${p.srcPort}|${h.dst}|${p.dstPort}|${p.verificationTag}`;
    const src = { ip: h.src, port: p.srcPort };
    const dst = { ip: h.dst, port: p.dstPort };
    for (const c of p.chunks) {
      const m = this.assembler.add(dir, b, c, em.frame, em.timeUs);
      if (m !== null) em.datagram(m.data, 0, m.data.length, m.frames.includes(em.frame) ? m.frames : [...m.frames, em.frame], em.timeUs, src, dst, "sctp", "plain", false);
    }
  }

  /** End of input: fragments of unfinished user messages are counted. */
  flush(lastFrame: number): void {
    this.assembler.flush(lastFrame);
  }
}
