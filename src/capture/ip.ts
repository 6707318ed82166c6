/**
 * The IP layer of the capture path: decodes one IP header per nesting depth, reassembles fragments (RFC 791 §3.2,
 * RFC 8200 §4.5, in reassembly/ip-fragments.ts) and dispatches the payload by protocol number: UDP (17), TCP (6),
 * SCTP (132, RFC 4168) and ICMP / ICMPv6 (1, 58: unreachables quoting SIP) to their layers, IP-in-IP (4, RFC 2003), IPv6-in-IP (41, RFC 4213 §3.5) and GRE (47, RFC 2784) back into this
 * layer one level deeper. Tunnels nest at most MAX_TUNNEL_DEPTH deep: hostile input cannot recurse forever.
 */
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import { unwrapGre } from "../decode/gre.js";
import { decodeIp } from "../decode/ip.js";
import { newIpHeader, type IpHeader } from "../decode/ip-header.js";
import { frameRef } from "../model/origin.js";
import { IpFragmentReassembler } from "../reassembly/ip-fragments.js";
import type { CaptureEmitter } from "./emit.js";
import { unionFrames } from "./frames.js";
import { IcmpLayer } from "./icmp.js";
import { SctpLayer } from "./sctp.js";
import type { TcpTable } from "./tcp-table.js";
import { UdpLayer } from "./udp.js";

/** Tunnels nest at most this deep (IP-in-IP in GRE in GTP ...). */
const MAX_TUNNEL_DEPTH = 4;

export class IpLayer {
  /** One reusable header per nesting depth: no allocation per packet. */
  private readonly headers: IpHeader[] = Array.from({ length: MAX_TUNNEL_DEPTH + 1 }, newIpHeader);
  private readonly frags: IpFragmentReassembler;
  private readonly udp: UdpLayer;
  private readonly sctp: SctpLayer;
  private readonly icmp: IcmpLayer;

  constructor(
    private readonly emitter: CaptureEmitter,
    private readonly tcp: TcpTable,
  ) {
    this.frags = new IpFragmentReassembler(emitter.file, emitter.sink);
    this.sctp = new SctpLayer(emitter);
    this.icmp = new IcmpLayer(emitter);
    this.udp = new UdpLayer(emitter, (b, off, end, frames, depth) => {
      this.packet(b, off, end, frames, depth);
    }, MAX_TUNNEL_DEPTH);
  }

  /**
   * One IP packet at `off`. `fragFrames` are the frames of the fragments that formed an outer reassembled
   * datagram (null when the packet came whole); `depth` is the tunnel nesting, 0 for the outermost header.
   */
  packet(b: Buffer, off: number, end: number, fragFrames: readonly number[] | null, depth: number): void {
    const h = this.headers[depth];
    if (h === undefined) return;
    const em = this.emitter;
    const err = decodeIp(b, off, end, h);
    if (err !== null) {
      em.sink.report(makeDiagnostic("decode.malformed_packet", frameRef(em.file, em.frame), `${err}; packet skipped`));
      return;
    }
    let payload = b;
    let pOff = h.payloadOff;
    let pEnd = h.payloadEnd;
    let frames = fragFrames;
    if (h.isFragment) {
      const whole = this.frags.add(h, b.subarray(h.payloadOff, h.payloadEnd), em.frame, em.timeUs);
      if (whole === null) return;
      payload = whole.data;
      pOff = 0;
      pEnd = whole.data.length;
      frames = fragFrames === null ? whole.frames : unionFrames(fragFrames, whole.frames);
    }
    switch (h.proto) {
      case 17:
        this.udp.packet(payload, pOff, pEnd, h, frames, depth);
        return;
      case 6:
        // TCP over IP fragments: the completing fragment's frame stands for the segment.
        this.tcp.packet(payload, pOff, pEnd, h, h.missing);
        return;
      case 132:
        this.sctp.packet(payload, pOff, pEnd, h);
        return;
      case 1:
      case 58:
        // ICMP under IPv4, ICMPv6 under IPv6 (RFC 4443 §2.1: next header 58); the type numbers differ by version.
        if ((h.proto === 1) === (h.version === 4)) this.icmp.packet(payload, pOff, pEnd, h);
        return;
      case 4:
      case 41:
        if (depth < MAX_TUNNEL_DEPTH) this.packet(payload, pOff, pEnd, frames, depth + 1);
        return;
      case 47: {
        const inner = unwrapGre(payload, pOff, pEnd);
        if (inner >= 0 && depth < MAX_TUNNEL_DEPTH) this.packet(payload, inner, pEnd, frames, depth + 1);
        return;
      }
      default:
        return;
    }
  }

  /** End of input: fragments still waiting for their datagram are reported. */
  flush(lastFrame: number): void {
    this.frags.flush(lastFrame);
    this.sctp.flush(lastFrame);
  }
}
