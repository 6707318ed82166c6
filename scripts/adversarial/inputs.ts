/**
 * The adversarial inputs of issue 15 ("adversarial resources"), written as real pcap files with the project's
 * capture writer, streamed to disk in batches so that even the million-message file never sits in memory:
 * a SYN scan, connections held behind gaps, a 2^31 Content-Length, never-completing IP fragments, a header folded a
 * million times, a 10 MB header value, dialogs that never end and a million Call-IDs. measure.ts times them.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import type { Endpoint, PacketSpec } from "../../test/helpers/capture-writer.js";
import { buildCapture, sip } from "../../test/helpers/capture-writer.js";

const T0 = 1_767_261_600_000_000;
const SERVER: Endpoint = { ip: "10.9.0.1", port: 5060 };
const PCAP_HEADER = 24;

export interface AdversarialInput {
  readonly name: string;
  readonly what: string;
  /** Packets in order, produced lazily in batches. */
  readonly batches: () => Iterable<readonly PacketSpec[]>;
}

function client(i: number): Endpoint {
  return { ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, port: 1024 + (i % 60000) };
}

function* range(n: number, batch: number, make: (i: number) => readonly PacketSpec[]): Iterable<readonly PacketSpec[]> {
  for (let start = 0; start < n; start += batch) {
    const out: PacketSpec[] = [];
    for (let i = start; i < Math.min(n, start + batch); i++) out.push(...make(i));
    yield out;
  }
}

function tcpStream(c: Endpoint, data: Buffer, t: number, mss = 1460): PacketSpec[] {
  const out: PacketSpec[] = [{ kind: "tcp", timeUs: t, src: c, dst: SERVER, seq: 999, flags: "S" }];
  for (let at = 0, i = 0; at < data.length; at += mss, i++) out.push({ kind: "tcp", timeUs: t + 1 + i, src: c, dst: SERVER, seq: 1000 + at, flags: "PA", payload: data.subarray(at, at + mss) });
  return out;
}

function options(n: number): string {
  return sip`
    OPTIONS sip:b@example.com SIP/2.0
    Via: SIP/2.0/UDP 10.8.0.2:5060;branch=z9hG4bK-o${n}
    From: <sip:a@example.com>;tag=o${n}
    To: <sip:b@example.com>
    Call-ID: opt-${n}@10.8.0.2
    CSeq: 1 OPTIONS
    Max-Forwards: 70
  `;
}

function dialog(n: number): PacketSpec[] {
  const a = { ip: "10.8.0.2", port: 5060 };
  const b = { ip: "10.8.0.3", port: 5060 };
  const inv = sip`
    INVITE sip:b@10.8.0.3 SIP/2.0
    Via: SIP/2.0/UDP 10.8.0.2:5060;branch=z9hG4bK-d${n}
    From: <sip:a@example.com>;tag=d${n}
    To: <sip:b@example.com>
    Call-ID: dlg-${n}@10.8.0.2
    CSeq: 1 INVITE
    Contact: <sip:a@10.8.0.2>
  `;
  const ok = sip`
    SIP/2.0 200 OK
    Via: SIP/2.0/UDP 10.8.0.2:5060;branch=z9hG4bK-d${n}
    From: <sip:a@example.com>;tag=d${n}
    To: <sip:b@example.com>;tag=b${n}
    Call-ID: dlg-${n}@10.8.0.2
    CSeq: 1 INVITE
    Contact: <sip:b@10.8.0.3>
  `;
  const ack = sip`
    ACK sip:b@10.8.0.3 SIP/2.0
    Via: SIP/2.0/UDP 10.8.0.2:5060;branch=z9hG4bK-a${n}
    From: <sip:a@example.com>;tag=d${n}
    To: <sip:b@example.com>;tag=b${n}
    Call-ID: dlg-${n}@10.8.0.2
    CSeq: 1 ACK
  `;
  const t = T0 + n * 1000;
  return [
    { kind: "udp", timeUs: t, src: a, dst: b, payload: inv },
    { kind: "udp", timeUs: t + 100, src: b, dst: a, payload: ok },
    { kind: "udp", timeUs: t + 200, src: a, dst: b, payload: ack },
  ];
}

export const ADVERSARIAL_INPUTS: readonly AdversarialInput[] = [
  { name: "syn-scan-150k", what: "150,000 TCP connections (one SYN each)", batches: () => range(150_000, 10_000, (i) => [{ kind: "tcp", timeUs: T0 + i, src: client(i), dst: SERVER, seq: i, flags: "S" }]) },
  {
    name: "tcp-100k-gaps",
    what: "100,000 concurrent TCP connections, each holding 1 KiB behind a 100-byte gap",
    batches: () => range(100_000, 5_000, (i) => [{ kind: "tcp", timeUs: T0 + i, src: client(i), dst: SERVER, seq: 999, flags: "S" }, { kind: "tcp", timeUs: T0 + i, src: client(i), dst: SERVER, seq: 1100, flags: "PA", payload: Buffer.alloc(1024, 0x61) }]),
  },
  {
    name: "content-length-2g",
    what: "Content-Length: 2147483648 on TCP, then 64 MB",
    batches: function* () {
      const head = Buffer.from("INVITE sip:b@example.com SIP/2.0\r\nCall-ID: cl31\r\nCSeq: 1 INVITE\r\nContent-Length: 2147483648\r\n\r\n");
      const c = client(1);
      yield [{ kind: "tcp", timeUs: T0, src: c, dst: SERVER, seq: 999, flags: "S" }, { kind: "tcp", timeUs: T0 + 1, src: c, dst: SERVER, seq: 1000, flags: "PA", payload: head }];
      const seg = Buffer.alloc(1460, 0x41);
      for (let b = 0; b < 64 * 1024 * 1024; b += 1460 * 5000) {
        const out: PacketSpec[] = [];
        for (let at = b; at < Math.min(64 * 1024 * 1024, b + 1460 * 5000); at += 1460) out.push({ kind: "tcp", timeUs: T0 + 2 + at / 1460, src: c, dst: SERVER, seq: (1000 + head.length + at) >>> 0, flags: "PA", payload: seg });
        yield out;
      }
    },
  },
  { name: "fragments-200k", what: "200,000 IPv4 first fragments that never complete", batches: () => range(200_000, 10_000, (i) => [{ kind: "udp", timeUs: T0 + i, src: client(i), dst: SERVER, payload: Buffer.alloc(2000, 0x62), ip: { fragmentSize: 1480, fragmentOrder: [0], ipId: i & 0xffff } }]) },
  { name: "folded-1m", what: "a TCP message whose Subject header is folded 1,000,000 times", batches: () => [tcpStream(client(2), Buffer.from(`OPTIONS sip:b@example.com SIP/2.0\r\nCall-ID: fold\r\nSubject: x${"\r\n y".repeat(1_000_000)}\r\nContent-Length: 0\r\n\r\n${options(1)}`), T0)] },
  { name: "header-10mb", what: "a TCP message with a 10 MB header value", batches: () => [tcpStream(client(3), Buffer.from(`OPTIONS sip:b@example.com SIP/2.0\r\nCall-ID: big\r\nX-Long: ${"v".repeat(10 * 1024 * 1024)}\r\nContent-Length: 0\r\n\r\n${options(2)}`), T0)] },
  { name: "dialogs-100k", what: "100,000 INVITE dialogs answered and never ended (no BYE)", batches: () => range(100_000, 5_000, dialog) },
  { name: "options-1m", what: "1,000,000 OPTIONS with distinct Call-IDs, never answered", batches: () => range(1_000_000, 20_000, (i) => [{ kind: "udp", timeUs: T0 + i * 100, src: { ip: "10.8.0.2", port: 5060 }, dst: SERVER, payload: options(i) }]) },
];

/** Writes `input` as a classic pcap at `path`, batch by batch; returns the number of bytes written. */
export function writeAdversarialInput(input: AdversarialInput, path: string): number {
  const fd = openSync(path, "w");
  let bytes = 0;
  let first = true;
  try {
    for (const batch of input.batches()) {
      const b = buildCapture(batch, { format: "pcap" });
      const part = first ? b : b.subarray(PCAP_HEADER);
      first = false;
      writeSync(fd, part);
      bytes += part.length;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}
