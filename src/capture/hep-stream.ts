/**
 * HEP3 over TCP: one direction's bytes are a sequence of HEP3 packets (HEP3 has its own length field), each handed
 * to the emitter as if it came in a datagram. A malformed packet gives the direction up: no resynchronisation point.
 */
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import { decodeHep3 } from "../decode/hep.js";
import { frameRef } from "../model/origin.js";
import { FrameBuffer } from "./frame-buffer.js";
import { unionFrames } from "./frames.js";
import type { StreamHost } from "./stream-host.js";

/** HEP stream buffer cap. */
const MAX_HEP_BUFFER = 1024 * 1024;

export class HepStream {
  private readonly buf = new FrameBuffer();

  constructor(private readonly host: StreamHost) {}

  /** Feeds bytes; false when the direction must be given up (malformed packet or buffer cap). */
  push(data: Buffer, frame: number): boolean {
    const e = this.host.emitter;
    const buf = this.buf;
    buf.append(data, frame);
    let at = 0;
    while (at < buf.data.length) {
      const r = decodeHep3(buf.data, at, buf.data.length);
      if (r.kind === "incomplete") break;
      if (r.kind === "malformed") {
        e.sink.report(makeDiagnostic("decode.hep_malformed", frameRef(e.file, frame), `HEP3 over ${this.host.where()}: ${r.reason}; the rest of this direction is skipped`));
        buf.take(at);
        return false;
      }
      e.hep(r.packet, unionFrames(buf.frames, frame));
      at += r.length;
    }
    buf.take(at);
    return buf.data.length <= MAX_HEP_BUFFER;
  }
}
