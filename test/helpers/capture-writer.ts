/**
 * THE PROJECT'S PCAP/PCAPNG WRITER: builds capture bytes from packet descriptions or from SIP text and
 * addresses. Every fixture in fixtures/captures/ and most capture tests are made with it.
 *
 * Layers of the API, low to high:
 *  - `buildCapture(packets, options)`: PacketSpec[] (UDP datagrams, TCP segments, raw frames) → pcap/pcapng bytes,
 *    with the link type, VLAN tags, byte order and time resolution of your choice. An IP-fragmented PacketSpec
 *    becomes several frames; `expandFrames` tells you the frame numbering.
 *  - `sipConversation(messages, options)`: SIP messages `{ timeUs, src, dst, transport, text }` → PacketSpec[],
 *    adding the TCP handshake, sequence numbers, ACKs and FIN; per message you can cut it into segments,
 *    coalesce it with the next one, reorder or retransmit its segments, or IP-fragment a UDP datagram.
 *    transport "ws" adds the HTTP Upgrade and WebSocket framing (client frames masked).
 *  - `sip` / `sipVerbatim` tagged templates, `buildWebSocketFrame`, `buildHep2`, `buildHep3` for payloads.
 *
 * Example:
 *   const a = { ip: "10.0.0.1", port: 5060 }, b = { ip: "10.0.0.2", port: 5060 };
 *   const pkts = sipConversation([{ timeUs: 1e15, src: a, dst: b, transport: "tcp", text: sip`...`, segments: [100, 200] }]);
 *   writeFileSync("x.pcapng", buildCapture(pkts, { format: "pcapng", linkType: "sll2" }));
 */
import type { Endpoint } from "../../src/model/endpoint.js";
import type { FileRecord, PcapngPacketBlock } from "./capture-writer-files.js";
import { writePcap, writePcapng } from "./capture-writer-files.js";
import type { IpOptions, LinkType } from "./capture-writer-packets.js";
import { IPPROTO_GRE, IPPROTO_IPIP, IPPROTO_TCP, IPPROTO_UDP, LINK_TYPE_NUMBER, buildIp, buildTcp, buildUdp, wrapLink } from "./capture-writer-packets.js";
import { buildWebSocketFrame, webSocketUpgradeRequest, webSocketUpgradeResponse } from "./capture-writer-payloads.js";

export type { Endpoint } from "../../src/model/endpoint.js";
export type { LinkType, IpOptions } from "./capture-writer-packets.js";
export { buildIp, buildUdp, parseIp } from "./capture-writer-packets.js";
export type { FileRecord, PcapngInterface, PcapngPacketBlock } from "./capture-writer-files.js";
export { writePcap, writePcapng } from "./capture-writer-files.js";
export { sip, sipText, sipVerbatim, buildWebSocketFrame, buildHep2, buildHep3, webSocketUpgradeRequest, webSocketUpgradeResponse } from "./capture-writer-payloads.js";
export type { HepSpec, WebSocketFrameOptions } from "./capture-writer-payloads.js";

/** Outer IPv4 tunnel around the packet: IP-in-IP (protocol 4) or GRE (protocol 47, RFC 2784). */
export interface TunnelSpec {
  readonly kind: "ipip" | "gre";
  readonly src: string;
  readonly dst: string;
}

interface IpPacketCommon {
  /** Capture time, integer µs since the epoch. */
  readonly timeUs: number;
  readonly src: Endpoint;
  readonly dst: Endpoint;
  /** IP header options: id, ttl, fragmentation (fragmentSize, fragmentOrder), IPv4 options. */
  readonly ip?: IpOptions;
  readonly tunnel?: TunnelSpec;
  /** pcapng interface index (options.interfaces). */
  readonly iface?: number;
  /** Store only this many bytes of the frame (caplen < origlen), like a short snaplen. */
  readonly snaplen?: number;
}

export interface UdpPacketSpec extends IpPacketCommon {
  readonly kind: "udp";
  readonly payload: string | Buffer;
}

export interface TcpPacketSpec extends IpPacketCommon {
  readonly kind: "tcp";
  readonly seq: number;
  readonly ack?: number;
  /** "S", "SA", "A", "PA", "FA", "R" ...; default "PA" with payload, "A" without. */
  readonly flags?: string;
  readonly payload?: string | Buffer;
}

/** Bytes written as the frame exactly as given (the link layer included): for garbage and odd link types. */
export interface RawFrameSpec {
  readonly kind: "frame";
  readonly timeUs: number;
  readonly bytes: Buffer;
  readonly origLen?: number;
  readonly iface?: number;
}

/** Any IP payload under an IP header of protocol `proto` (SCTP, ICMP ...: see capture-writer-carriers.ts). */
export interface IpPayloadSpec {
  readonly kind: "ip";
  readonly timeUs: number;
  readonly srcIp: string;
  readonly dstIp: string;
  readonly proto: number;
  readonly payload: Buffer;
  readonly ip?: IpOptions;
  readonly iface?: number;
}

export type PacketSpec = UdpPacketSpec | TcpPacketSpec | RawFrameSpec | IpPayloadSpec;

export interface CaptureOptions {
  readonly format: "pcap" | "pcapng";
  /** Default "ethernet". */
  readonly linkType?: LinkType;
  /** Write this LINKTYPE number instead of linkType's own (e.g. 12 or 14 for raw IP, or an unknown one). */
  readonly linkTypeNumber?: number;
  /** Nanosecond timestamps (pcap magic a1b23c4d; pcapng if_tsresol 9). */
  readonly nanosecond?: boolean;
  readonly bigEndian?: boolean;
  /** 802.1Q VLAN ids, outermost first; two give QinQ. Ethernet only. */
  readonly vlan?: readonly number[];
  /** pcapng: packet block kind (default "epb"). */
  readonly packetBlock?: PcapngPacketBlock;
  /** pcapng: add NRB, ISB, DSB and an unknown block. */
  readonly fillerBlocks?: boolean;
  /** pcapng: if_tsoffset in seconds for interface 0. */
  readonly tsOffsetSec?: number;
  /** pcapng: extra interfaces (index 1...), each with its own link type; packets pick one with `iface`. */
  readonly extraInterfaces?: readonly { readonly linkType: LinkType; readonly linkTypeNumber?: number; readonly nanosecond?: boolean }[];
  /** pcapng: start a second section before this frame index (0-based). */
  readonly newSectionAt?: number;
}

/** The file records (frames) the packets turn into: fragmented packets give several, in emission order. */
export function expandFrames(packets: readonly PacketSpec[], options: CaptureOptions): FileRecord[] {
  const out: FileRecord[] = [];
  for (const p of packets) {
    if (p.kind === "frame") {
      out.push({ timeUs: p.timeUs, data: p.bytes, ...(p.origLen === undefined ? {} : { origLen: p.origLen }), ...(p.iface === undefined ? {} : { iface: p.iface }) });
      continue;
    }
    if (p.kind === "ip") {
      const linkType = (p.iface ?? 0) === 0 ? (options.linkType ?? "ethernet") : (options.extraInterfaces?.[(p.iface ?? 0) - 1]?.linkType ?? "ethernet");
      for (const ip of buildIp(p.srcIp, p.dstIp, p.proto, p.payload, p.ip ?? {})) {
        out.push({ timeUs: p.timeUs, data: wrapLink(ip, p.srcIp, p.dstIp, { linkType, ...(options.vlan === undefined ? {} : { vlan: options.vlan }), ...(options.bigEndian === undefined ? {} : { bigEndian: options.bigEndian }) }), ...(p.iface === undefined ? {} : { iface: p.iface }) });
      }
      continue;
    }
    const payload = p.payload === undefined ? Buffer.alloc(0) : typeof p.payload === "string" ? Buffer.from(p.payload, "utf8") : p.payload;
    const proto = p.kind === "udp" ? IPPROTO_UDP : IPPROTO_TCP;
    const l4 =
      p.kind === "udp"
        ? buildUdp(p.src, p.dst, payload)
        : buildTcp(p.src, p.dst, { seq: p.seq, ...(p.ack === undefined ? {} : { ack: p.ack }), flags: p.flags ?? (payload.length > 0 ? "PA" : "A") }, payload);
    let ips = buildIp(p.src.ip, p.dst.ip, proto, l4, p.ip ?? {});
    let outerSrc = p.src.ip;
    let outerDst = p.dst.ip;
    const tunnel = p.tunnel;
    if (tunnel !== undefined) {
      ips = ips.map((inner) => {
        const isV6 = (inner[0] ?? 0) >> 4 === 6;
        const body =
          tunnel.kind === "ipip"
            ? inner
            : Buffer.concat([Buffer.from([0, 0, isV6 ? 0x86 : 0x08, isV6 ? 0xdd : 0x00]), inner]); // RFC 2784 §2.1
        const outer = buildIp(tunnel.src, tunnel.dst, tunnel.kind === "gre" ? IPPROTO_GRE : isV6 ? 41 : IPPROTO_IPIP, body)[0];
        if (outer === undefined) throw new Error("tunnel build failed");
        return outer;
      });
      outerSrc = tunnel.src;
      outerDst = tunnel.dst;
    }
    const iface = p.iface ?? 0;
    const linkType = iface === 0 ? (options.linkType ?? "ethernet") : (options.extraInterfaces?.[iface - 1]?.linkType ?? "ethernet");
    for (const ip of ips) {
      const frame = wrapLink(ip, outerSrc, outerDst, { linkType, ...(options.vlan === undefined ? {} : { vlan: options.vlan }), ...(options.bigEndian === undefined ? {} : { bigEndian: options.bigEndian }) });
      const stored = p.snaplen !== undefined && p.snaplen < frame.length ? frame.subarray(0, p.snaplen) : frame;
      out.push({ timeUs: p.timeUs, data: stored, origLen: frame.length, ...(p.iface === undefined ? {} : { iface: p.iface }) });
    }
  }
  return out;
}

/** Capture file bytes for `packets`. */
export function buildCapture(packets: readonly PacketSpec[], options: CaptureOptions): Buffer {
  const records = expandFrames(packets, options);
  const linkType = options.linkTypeNumber ?? LINK_TYPE_NUMBER[options.linkType ?? "ethernet"];
  if (options.format === "pcap") {
    return writePcap(records, { linkType, ...(options.nanosecond === undefined ? {} : { nanosecond: options.nanosecond }), ...(options.bigEndian === undefined ? {} : { bigEndian: options.bigEndian }) });
  }
  const interfaces = [
    { linkType, ...(options.nanosecond === undefined ? {} : { nanosecond: options.nanosecond }), ...(options.tsOffsetSec === undefined ? {} : { tsOffsetSec: options.tsOffsetSec }) },
    ...(options.extraInterfaces ?? []).map((x) => ({ linkType: x.linkTypeNumber ?? LINK_TYPE_NUMBER[x.linkType], ...(x.nanosecond === undefined ? {} : { nanosecond: x.nanosecond }) })),
  ];
  return writePcapng(records, {
    interfaces,
    ...(options.bigEndian === undefined ? {} : { bigEndian: options.bigEndian }),
    ...(options.packetBlock === undefined ? {} : { packetBlock: options.packetBlock }),
    ...(options.fillerBlocks === undefined ? {} : { fillerBlocks: options.fillerBlocks }),
    ...(options.newSectionAt === undefined ? {} : { newSectionAt: options.newSectionAt }),
  });
}

/** One SIP message (or any bytes, e.g. "\r\n\r\n" for a keepalive) in a conversation. */
export interface ConversationMessage {
  readonly timeUs: number;
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly transport: "udp" | "tcp" | "ws";
  readonly text: string | Buffer;
  /** TCP/WS: cut the bytes into segments of these sizes (the rest goes in a last segment). */
  readonly segments?: readonly number[];
  /** TCP: send this message in the same segment as the next message of the same direction. */
  readonly coalesceWithNext?: boolean;
  /** TCP: send this message's segments last-first (out of order). */
  readonly reorderSegments?: boolean;
  /** Send the message's packets twice (TCP: same sequence numbers; UDP: a SIP retransmission). */
  readonly retransmit?: boolean;
  /** UDP: IP-fragment the datagram into pieces of at most this many bytes. */
  readonly fragmentSize?: number;
  /** UDP: fragment emission order (indices), e.g. [1, 0] or [2, 0, 1]. */
  readonly fragmentOrder?: readonly number[];
  readonly ipId?: number;
  /** WS: split the message into this many WebSocket frames (continuation frames after the first). */
  readonly wsFrames?: number;
  /** WS: binary frames (opcode 2) instead of text. */
  readonly wsBinary?: boolean;
  readonly tunnel?: TunnelSpec;
}

export interface ConversationOptions {
  /** TCP/WS: emit SYN, SYN-ACK, ACK before a connection's first message (default true). */
  readonly handshake?: boolean;
  /** TCP/WS: how connections end after their last message (default "fin"). */
  readonly close?: "fin" | "rst" | "none";
  /** TCP/WS: maximum segment payload when `segments` is not given (default 1460). */
  readonly mss?: number;
  /** Initial sequence number of the first connection's client (default 1000; the server uses +500000). */
  readonly isn?: number;
}

interface Conn {
  readonly client: Endpoint;
  readonly server: Endpoint;
  readonly nextSeq: Map<string, number>;
  readonly pending: Map<string, Buffer[]>;
  readonly ws: boolean;
  lastTimeUs: number;
}

function endpointKey(e: Endpoint): string {
  return `${e.ip}|${e.port}`;
}

function connKey(a: Endpoint, b: Endpoint): string {
  const x = endpointKey(a);
  const y = endpointKey(b);
  return x < y ? `${x}~${y}` : `${y}~${x}`;
}

function cutSegments(data: Buffer, sizes: readonly number[] | undefined, mss: number): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  for (const n of sizes ?? []) {
    if (at >= data.length) break;
    out.push(data.subarray(at, at + n));
    at += n;
  }
  while (at < data.length) {
    out.push(data.subarray(at, at + mss));
    at += mss;
  }
  return out;
}

/**
 * Packets for a SIP conversation. UDP messages are one datagram each (IP-fragmented on request); TCP and WS
 * messages go over one connection per endpoint pair, opened by the sender of its first message. Packets are
 * returned in time order (stable, so reordered segments keep their given order).
 */
export function sipConversation(messages: readonly ConversationMessage[], options: ConversationOptions = {}): PacketSpec[] {
  const out: PacketSpec[] = [];
  const conns = new Map<string, Conn>();
  const mss = options.mss ?? 1460;
  let isn = options.isn ?? 1000;
  const tcp = (c: Conn, from: Endpoint, to: Endpoint, timeUs: number, flags: string, payload: Buffer, tunnel?: TunnelSpec): TcpPacketSpec => {
    const seq = c.nextSeq.get(endpointKey(from)) ?? 0;
    const ack = c.nextSeq.get(endpointKey(to)) ?? 0;
    return { kind: "tcp", timeUs, src: from, dst: to, seq, ack, flags, payload, ...(tunnel === undefined ? {} : { tunnel }) };
  };
  const advance = (c: Conn, from: Endpoint, n: number): void => {
    const k = endpointKey(from);
    c.nextSeq.set(k, ((c.nextSeq.get(k) ?? 0) + n) >>> 0);
  };
  for (const m of messages) {
    const text = typeof m.text === "string" ? Buffer.from(m.text, "utf8") : m.text;
    if (m.transport === "udp") {
      const ip: IpOptions = {
        ...(m.fragmentSize === undefined ? {} : { fragmentSize: m.fragmentSize }),
        ...(m.fragmentOrder === undefined ? {} : { fragmentOrder: m.fragmentOrder }),
        ...(m.ipId === undefined ? {} : { ipId: m.ipId }),
      };
      const p: UdpPacketSpec = { kind: "udp", timeUs: m.timeUs, src: m.src, dst: m.dst, payload: text, ip, ...(m.tunnel === undefined ? {} : { tunnel: m.tunnel }) };
      out.push(p);
      if (m.retransmit === true) out.push({ ...p, timeUs: m.timeUs + 500_000 });
      continue;
    }
    const key = connKey(m.src, m.dst);
    let c = conns.get(key);
    if (c === undefined) {
      c = { client: m.src, server: m.dst, nextSeq: new Map(), pending: new Map(), ws: m.transport === "ws", lastTimeUs: m.timeUs };
      conns.set(key, c);
      c.nextSeq.set(endpointKey(m.src), isn);
      c.nextSeq.set(endpointKey(m.dst), isn + 500_000);
      isn += 1_000_000;
      if (options.handshake ?? true) {
        out.push(tcp(c, c.client, c.server, m.timeUs - 30, "S", Buffer.alloc(0), m.tunnel));
        advance(c, c.client, 1);
        out.push(tcp(c, c.server, c.client, m.timeUs - 20, "SA", Buffer.alloc(0), m.tunnel));
        advance(c, c.server, 1);
        out.push(tcp(c, c.client, c.server, m.timeUs - 10, "A", Buffer.alloc(0), m.tunnel));
      } else {
        advance(c, c.client, 1);
        advance(c, c.server, 1);
      }
      if (c.ws) {
        const req = Buffer.from(webSocketUpgradeRequest(c.server.ip));
        out.push(tcp(c, c.client, c.server, m.timeUs - 8, "PA", req, m.tunnel));
        advance(c, c.client, req.length);
        const res = Buffer.from(webSocketUpgradeResponse());
        out.push(tcp(c, c.server, c.client, m.timeUs - 6, "PA", res, m.tunnel));
        advance(c, c.server, res.length);
      }
    }
    c.lastTimeUs = m.timeUs;
    let bytes = text;
    if (c.ws) {
      const fromClient = endpointKey(m.src) === endpointKey(c.client);
      const n = Math.max(1, m.wsFrames ?? 1);
      const step = Math.ceil(text.length / n);
      const frames: Buffer[] = [];
      for (let i = 0; i < n; i++) {
        frames.push(
          buildWebSocketFrame(text.subarray(i * step, (i + 1) * step), {
            opcode: i === 0 ? (m.wsBinary === true ? 2 : 1) : 0,
            fin: i === n - 1,
            mask: fromClient ? Buffer.from([0x37, 0xfa, 0x21, 0x3d + i]) : null,
          }),
        );
      }
      bytes = Buffer.concat(frames);
    }
    const dirKey = endpointKey(m.src);
    const pend = c.pending.get(dirKey) ?? [];
    pend.push(bytes);
    if (m.coalesceWithNext === true) {
      c.pending.set(dirKey, pend);
      continue;
    }
    c.pending.delete(dirKey);
    const all = Buffer.concat(pend);
    const segs = cutSegments(all, m.segments, mss);
    const pkts: TcpPacketSpec[] = [];
    for (const s of segs) {
      pkts.push(tcp(c, m.src, m.dst, m.timeUs, "PA", s, m.tunnel));
      advance(c, m.src, s.length);
    }
    if (m.reorderSegments === true) pkts.reverse();
    out.push(...pkts);
    if (m.retransmit === true) out.push(...pkts.map((p) => ({ ...p, timeUs: m.timeUs + 200_000 })));
  }
  const close = options.close ?? "fin";
  if (close !== "none") {
    for (const c of conns.values()) {
      const t = c.lastTimeUs + 1_000_000;
      if (close === "rst") {
        out.push(tcp(c, c.client, c.server, t, "RA", Buffer.alloc(0)));
        continue;
      }
      out.push(tcp(c, c.client, c.server, t, "FA", Buffer.alloc(0)));
      advance(c, c.client, 1);
      out.push(tcp(c, c.server, c.client, t + 10, "FA", Buffer.alloc(0)));
      advance(c, c.server, 1);
      out.push(tcp(c, c.client, c.server, t + 20, "A", Buffer.alloc(0)));
    }
  }
  return out
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.timeUs - b.p.timeUs || a.i - b.i)
    .map((x) => x.p);
}

/** Convenience: `buildCapture(sipConversation(messages, conv), capture)`. */
export function buildSipCapture(messages: readonly ConversationMessage[], capture: CaptureOptions, conv: ConversationOptions = {}): Buffer {
  return buildCapture(sipConversation(messages, conv), capture);
}
