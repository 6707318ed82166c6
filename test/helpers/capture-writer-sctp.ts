/**
 * SIP over SCTP conversations for the capture writer, as an RFC 4168 endpoint pair would put them on the wire:
 * the association start (INIT, INIT ACK, COOKIE ECHO, COOKIE ACK; RFC 9260 §5.1), then each SIP message as one
 * SCTP user message (DATA, or I-DATA with RFC 8260), on stream 0 with the U bit set by default (RFC 4168 §5.1),
 * fragmented into several chunks on request, several messages bundled into one packet on request, and the peer's
 * SACK bundled in front of its next DATA. The result is PacketSpec[] for buildCapture.
 */
import type { Endpoint } from "../../src/model/endpoint.js";
import type { IpPayloadSpec } from "./capture-writer.js";
import type { SctpChunkSpec } from "./capture-writer-carriers.js";
import { IPPROTO_SCTP, buildSctpPacket, cookieAckChunk, cookieEchoChunk, initChunk, sackChunk } from "./capture-writer-carriers.js";

export interface SctpMessage {
  readonly timeUs: number;
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly bytes: Buffer;
  /** Default 0: RFC 4168 leaves the PPID of SIP unassigned. Any value works: SIP is found by content. */
  readonly ppid?: number;
  readonly stream?: number;
  /** Default true (RFC 4168 §5.1). */
  readonly unordered?: boolean;
  /** Cut the user message into fragments of these sizes (the rest in a last fragment), each in its own packet. */
  readonly fragments?: readonly number[];
  /** Put this message's (single) chunk in the same packet as the next message's. */
  readonly bundleWithNext?: boolean;
  /** Send the packet(s) again with the same TSNs (an SCTP retransmission). */
  readonly retransmit?: boolean;
  /** Use I-DATA chunks (RFC 8260) instead of DATA. */
  readonly idata?: boolean;
}

interface Side {
  nextTsn: number;
  nextMid: number;
  readonly tag: number;
  /** The highest TSN received from the peer, to SACK. */
  peerTsn: number | null;
}

/** Packets for SIP messages between two endpoints over one SCTP association (the first sender initiates). */
export function sctpConversation(messages: readonly SctpMessage[]): IpPayloadSpec[] {
  const first = messages[0];
  if (first === undefined) return [];
  const a = first.src;
  const b = first.dst;
  const sides = new Map<string, Side>([
    [key(a), { nextTsn: 1000, nextMid: 0, tag: 0x0a0a0a0a, peerTsn: null }],
    [key(b), { nextTsn: 5000, nextMid: 0, tag: 0x0b0b0b0b, peerTsn: null }],
  ]);
  const side = (e: Endpoint): Side => {
    const s = sides.get(key(e));
    if (s === undefined) throw new Error(`endpoint ${key(e)} is not part of this association`);
    return s;
  };
  const out: IpPayloadSpec[] = [];
  const packet = (t: number, from: Endpoint, to: Endpoint, chunks: readonly SctpChunkSpec[], tag: number): void => {
    out.push({ kind: "ip", timeUs: t, srcIp: from.ip, dstIp: to.ip, proto: IPPROTO_SCTP, payload: buildSctpPacket(from.port, to.port, tag, chunks) });
  };
  const t0 = first.timeUs - 400;
  // RFC 9260 §5.1: INIT carries verification tag 0; every later packet carries the peer's initiate tag.
  packet(t0, a, b, [initChunk(false, side(a).tag, side(a).nextTsn)], 0);
  packet(t0 + 100, b, a, [initChunk(true, side(b).tag, side(b).nextTsn)], side(a).tag);
  packet(t0 + 200, a, b, [cookieEchoChunk()], side(b).tag);
  packet(t0 + 300, b, a, [cookieAckChunk()], side(a).tag);
  let bundle: SctpChunkSpec[] = [];
  messages.forEach((m, i) => {
    const me = side(m.src);
    const peer = side(m.dst);
    const pieces = cut(m.bytes, m.fragments);
    const chunks: SctpChunkSpec[] = pieces.map((data, j) => {
      const flags = { begin: j === 0, end: j === pieces.length - 1, unordered: m.unordered ?? true };
      const tsn = me.nextTsn++;
      return m.idata === true
        ? { kind: "idata", tsn, stream: m.stream ?? 0, mid: me.nextMid, fsn: j, ppid: m.ppid ?? 0, data, ...flags }
        : { kind: "data", tsn, stream: m.stream ?? 0, ssn: me.nextMid, ppid: m.ppid ?? 0, data, ...flags };
    });
    me.nextMid++;
    // The receiver's cumulative TSN, acknowledged in front of the next data it sends.
    const sack: SctpChunkSpec[] = me.peerTsn === null ? [] : [sackChunk(me.peerTsn)];
    me.peerTsn = null;
    peer.peerTsn = me.nextTsn - 1;
    const tag = peer.tag;
    if (m.bundleWithNext === true && chunks.length === 1) {
      bundle.push(...sack, ...chunks);
      return;
    }
    const lead = [...bundle, ...sack];
    bundle = [];
    const send = (): void => {
      chunks.forEach((c, j) => {
        packet(m.timeUs + j * 10, m.src, m.dst, j === 0 ? [...lead, c] : [c], tag);
      });
    };
    send();
    if (m.retransmit === true) send();
    // The last message's receiver acknowledges it on its own.
    if (i === messages.length - 1) packet(m.timeUs + 1000, m.dst, m.src, [sackChunk(me.nextTsn - 1)], me.tag);
  });
  return out;
}

function key(e: Endpoint): string {
  return `${e.ip}|${e.port}`;
}

function cut(b: Buffer, sizes: readonly number[] | undefined): Buffer[] {
  if (sizes === undefined || sizes.length === 0) return [b];
  const out: Buffer[] = [];
  let at = 0;
  for (const n of sizes) {
    if (at >= b.length) break;
    out.push(b.subarray(at, at + n));
    at += n;
  }
  if (at < b.length) out.push(b.subarray(at));
  return out;
}
