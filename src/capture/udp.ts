/**
 * The UDP layer of the capture path: one datagram → GTP-U tunnel (back to the IP layer), HEP3/HEP2 encapsulation,
 * a STUN keepalive (RFC 5626 §4.4.2) on a 5-tuple that carried SIP, or a SIP datagram (framed by sip/framing via
 * the emitter). SIP is recognised by content on any port. Remembers which UDP 5-tuples carried SIP, bounded.
 */
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import { unwrapGtpU } from "../decode/gtp.js";
import { decodeHep2, decodeHep3, isHep3 } from "../decode/hep.js";
import type { IpHeader } from "../decode/ip-header.js";
import { classifyStun } from "../decode/stun.js";
import { decodeUdp, newUdpHeader } from "../decode/udp.js";
import { frameRef } from "../model/origin.js";
import type { CaptureEmitter } from "./emit.js";
import { flowKey } from "./frames.js";

/** UDP 5-tuples remembered as SIP flows (for STUN keepalives). */
const MAX_SIP_UDP_FLOWS = 100_000;

/** Hands a tunnelled IP packet back to the IP layer, one level deeper. */
export type TunnelInto = (b: Buffer, off: number, end: number, fragFrames: readonly number[] | null, depth: number) => void;

export class UdpLayer {
  private readonly udp = newUdpHeader();
  private readonly sipUdpFlows = new Set<string>();
  private lastSipFlow = { src: "", dst: "", sp: -1, dp: -1 };

  constructor(
    private readonly emitter: CaptureEmitter,
    private readonly tunnel: TunnelInto,
    private readonly maxDepth: number,
  ) {}

  packet(b: Buffer, off: number, end: number, h: IpHeader, fragFrames: readonly number[] | null, depth: number): void {
    const u = this.udp;
    const em = this.emitter;
    const err = decodeUdp(b, off, end, u);
    if (err !== null) {
      em.sink.report(makeDiagnostic("decode.malformed_packet", frameRef(em.file, em.frame), `${err}; packet skipped`));
      return;
    }
    const po = u.payloadOff;
    const pe = u.payloadEnd;
    if (pe - po <= 0) return;
    const first = b[po] ?? 0;
    // Tunnels and encapsulations first, recognised by content.
    if (first >= 0x30 && first <= 0x37 && depth < this.maxDepth) {
      const inner = unwrapGtpU(b, po, pe);
      if (inner >= 0) {
        this.tunnel(b, inner, pe, fragFrames, depth + 1);
        return;
      }
    }
    const frames = fragFrames ?? [em.frame];
    if (first === 0x48 && isHep3(b, po, pe)) {
      const r = decodeHep3(b, po, pe);
      if (r.kind === "hep") em.hep(r.packet, frames);
      else em.sink.report(makeDiagnostic("decode.hep_malformed", frameRef(em.file, em.frame), r.kind === "incomplete" ? "HEP3 packet longer than its UDP datagram; skipped" : `${r.reason}; skipped`));
      return;
    }
    if (first === 1 || first === 2) {
      const r = decodeHep2(b, po, pe);
      if (r !== null && r.kind === "hep") {
        const p = r.packet;
        const before = em.events.length;
        em.datagram(p.payload, 0, p.payload.length, frames, p.timeUs ?? em.timeUs, p.src, p.dst, p.ipProto === 6 ? "tcp" : "udp", "hep2", false);
        if (em.events.length > before) return;
      }
    }
    if ((first === 0 || first === 1) && this.stun(b, po, pe, h, u.srcPort, u.dstPort)) return;
    // Fast reject: a SIP datagram starts with a token character (or CR/LF for a keepalive).
    if (first < 0x21 && first !== 0x0d && first !== 0x0a) return;
    if (first > 0x7e) return;
    const src = { ip: h.src, port: u.srcPort };
    const dst = { ip: h.dst, port: u.dstPort };
    const before = em.events.length;
    const sp = u.srcPort;
    const dp = u.dstPort;
    // Keepalive datagrams count only on a 5-tuple that carried SIP: checked lazily, the key costs a string.
    if (!em.datagram(b, po, pe, frames, em.timeUs, src, dst, "udp", "plain", () => this.isSipUdpFlow(h, sp, dp))) return;
    if (em.events.length > before && em.events[em.events.length - 1]?.kind === "sip") this.rememberSipUdpFlow(h, sp, dp);
  }

  private isSipUdpFlow(h: IpHeader, sp: number, dp: number): boolean {
    return this.sipUdpFlows.has(flowKey(h.src, sp, h.dst, dp));
  }

  private rememberSipUdpFlow(h: IpHeader, sp: number, dp: number): void {
    // The same flow as the previous SIP datagram (the common case) needs no key.
    if (this.lastSipFlow.src === h.src && this.lastSipFlow.dst === h.dst && this.lastSipFlow.sp === sp && this.lastSipFlow.dp === dp) return;
    this.lastSipFlow = { src: h.src, dst: h.dst, sp, dp };
    if (this.sipUdpFlows.size >= MAX_SIP_UDP_FLOWS) this.sipUdpFlows.clear();
    this.sipUdpFlows.add(flowKey(h.src, sp, h.dst, dp));
  }

  /** RFC 5626 §4.4.2 STUN keepalive on a 5-tuple that carried SIP; true when the datagram was STUN. */
  private stun(b: Buffer, po: number, pe: number, h: IpHeader, sp: number, dp: number): boolean {
    const s = classifyStun(b, po, pe);
    if (s === null) return false;
    if (!this.isSipUdpFlow(h, sp, dp)) return true;
    const em = this.emitter;
    em.keepalive(s === "request" ? "stun-request" : "stun-response", [em.frame], em.frame, { ip: h.src, port: sp }, { ip: h.dst, port: dp }, "udp");
    return true;
  }
}
