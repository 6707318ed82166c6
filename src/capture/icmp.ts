/**
 * The ICMP layer of the capture path (IP protocol 1, ICMPv6 58): a Destination Unreachable (decode/icmp.ts) whose
 * quoted packet is a UDP datagram carrying SIP becomes an UnreachableEvent: the quoted request never reached a SIP
 * listener. The quote is decoded with the same IP and UDP decoders as live packets; it is usually cut short (RFC
 * 792 guarantees only the IP header and 8 bytes), so its SIP is framed leniently and never counted as a message.
 */
import { decodeIcmpUnreachable } from "../decode/icmp.js";
import { decodeIp } from "../decode/ip.js";
import { newIpHeader, type IpHeader } from "../decode/ip-header.js";
import { decodeUdp, newUdpHeader } from "../decode/udp.js";
import { checkStartLine } from "../sip/framing.js";
import type { CaptureEmitter } from "./emit.js";

export class IcmpLayer {
  private readonly quotedIp = newIpHeader();
  private readonly quotedUdp = newUdpHeader();

  constructor(private readonly emitter: CaptureEmitter) {}

  packet(b: Buffer, off: number, end: number, h: IpHeader): void {
    const u = decodeIcmpUnreachable(b, off, end, h.version);
    if (u === null) return;
    const q = this.quotedIp;
    if (decodeIp(b, u.quotedOff, u.quotedEnd, q) !== null || q.proto !== 17 || q.fragOffset !== 0) return;
    const d = this.quotedUdp;
    if (decodeUdp(b, q.payloadOff, q.payloadEnd, d) !== null) return;
    if (checkStartLine(b, d.payloadOff, d.payloadEnd) !== "yes") return;
    const em = this.emitter;
    em.events.push({
      kind: "unreachable",
      origin: em.origin([em.frame]),
      timeUs: em.timeUs,
      reporter: h.src,
      reason: u.reason,
      icmpCode: u.code,
      icmpVersion: u.version,
      src: { ip: q.src, port: d.srcPort },
      dst: { ip: q.dst, port: d.dstPort },
      transport: "udp",
      quoted: Buffer.from(b.subarray(d.payloadOff, d.payloadEnd)),
    });
  }
}
