/**
 * Writes a large synthetic classic pcap for the capture bench, fast (no per-packet checksums: readers and tshark
 * do not verify them by default): SIP OPTIONS/INVITE/200 over UDP (60%) and over 64 long-lived TCP connections
 * (40%; every 8th TCP message split in two segments, every 16th pair coalesced in one segment).
 */
import { closeSync, openSync, writeSync } from "node:fs";

const OUT_CHUNK = 8 * 1024 * 1024;

function sipText(i: number, transport: "UDP" | "TCP"): string {
  const id = String(i).padStart(10, "0");
  const kind = i % 3;
  const start = kind === 0 ? "INVITE sip:bob@example.com SIP/2.0" : kind === 1 ? "SIP/2.0 200 OK" : "OPTIONS sip:proxy@example.com SIP/2.0";
  const cseq = kind === 0 ? "1 INVITE" : kind === 1 ? "1 INVITE" : "7 OPTIONS";
  const body = kind === 2 ? "" : "v=0\r\no=- 1 1 IN IP4 10.1.0.1\r\ns=-\r\nc=IN IP4 10.1.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\n";
  return (
    `${start}\r\nVia: SIP/2.0/${transport} 10.1.0.1:5060;branch=z9hG4bK-${id}\r\nMax-Forwards: 70\r\n` +
    `From: <sip:alice@example.com>;tag=f${id}\r\nTo: <sip:bob@example.com>${kind === 1 ? `;tag=t${id}` : ""}\r\n` +
    `Call-ID: ${id}@bench.example.com\r\nCSeq: ${cseq}\r\nContact: <sip:alice@10.1.0.1:5060>\r\nUser-Agent: sipta-bench\r\n` +
    `${body === "" ? "" : "Content-Type: application/sdp\r\n"}Content-Length: ${body.length}\r\n\r\n${body}`
  );
}

class PcapOut {
  private buf = Buffer.allocUnsafe(OUT_CHUNK);
  private at = 0;
  bytes = 0;
  frames = 0;
  constructor(private readonly fd: number) {
    const h = Buffer.alloc(24);
    h.writeUInt32LE(0xa1b2c3d4, 0);
    h.writeUInt16LE(2, 4);
    h.writeUInt16LE(4, 6);
    h.writeUInt32LE(262144, 16);
    h.writeUInt32LE(1, 20);
    this.raw(h);
  }
  private raw(b: Buffer): void {
    if (this.at + b.length > this.buf.length) this.flush();
    b.copy(this.buf, this.at);
    this.at += b.length;
    this.bytes += b.length;
  }
  flush(): void {
    if (this.at > 0) writeSync(this.fd, this.buf, 0, this.at);
    this.at = 0;
  }
  /** One Ethernet/IPv4 frame with a UDP (proto 17) or TCP (6) header and payload. */
  frame(timeUs: number, proto: 6 | 17, srcIp: number, dstIp: number, sport: number, dport: number, seq: number, flags: number, payload: Buffer): void {
    const l4 = proto === 17 ? 8 : 20;
    const len = 14 + 20 + l4 + payload.length;
    if (this.at + 16 + len > this.buf.length) this.flush();
    const b = this.buf;
    let o = this.at;
    const sec = Math.floor(timeUs / 1e6);
    b.writeUInt32LE(sec, o);
    b.writeUInt32LE(timeUs - sec * 1e6, o + 4);
    b.writeUInt32LE(len, o + 8);
    b.writeUInt32LE(len, o + 12);
    o += 16;
    b.fill(0, o, o + 12);
    b[o] = 2;
    b[o + 6] = 2;
    b[o + 11] = 1;
    b.writeUInt16BE(0x0800, o + 12);
    o += 14;
    b[o] = 0x45;
    b[o + 1] = 0;
    b.writeUInt16BE(20 + l4 + payload.length, o + 2);
    b.writeUInt32BE(0x00004000, o + 4);
    b[o + 8] = 64;
    b[o + 9] = proto;
    b.writeUInt16BE(0, o + 10);
    b.writeUInt32BE(srcIp >>> 0, o + 12);
    b.writeUInt32BE(dstIp >>> 0, o + 16);
    o += 20;
    b.writeUInt16BE(sport, o);
    b.writeUInt16BE(dport, o + 2);
    if (proto === 17) {
      b.writeUInt16BE(8 + payload.length, o + 4);
      b.writeUInt16BE(0, o + 6);
    } else {
      b.writeUInt32BE(seq >>> 0, o + 4);
      b.writeUInt32BE(1, o + 8);
      b[o + 12] = 0x50;
      b[o + 13] = flags;
      b.writeUInt16BE(65535, o + 14);
      b.writeUInt32BE(0, o + 16);
    }
    o += l4;
    payload.copy(b, o);
    this.at = o + payload.length;
    this.bytes += 16 + len;
    this.frames++;
  }
}

export interface GeneratedCapture {
  readonly bytes: number;
  readonly frames: number;
  readonly messages: number;
}

/** Writes about `targetBytes` of capture to `path`. */
export function generateBenchCapture(path: string, targetBytes: number): GeneratedCapture {
  const fd = openSync(path, "w");
  const out = new PcapOut(fd);
  const conns = 64;
  const seq = new Array<number>(conns).fill(1001);
  const client = (c: number): number => 0x0a010000 + 10 + c;
  const server = 0x0a020001;
  let t = 1_767_261_600_000_000;
  for (let c = 0; c < conns; c++) {
    out.frame(t, 6, client(c), server, 40000 + c, 5060, 1000, 0x02, Buffer.alloc(0));
    out.frame(t + 1, 6, server, client(c), 5060, 40000 + c, 5000, 0x12, Buffer.alloc(0));
    t += 10;
  }
  let i = 0;
  let pendingCoalesce: Buffer | null = null;
  while (out.bytes < targetBytes) {
    t += 50;
    if (i % 5 < 3) {
      const p = Buffer.from(sipText(i, "UDP"), "latin1");
      out.frame(t, 17, 0x0a010001 + (i % 200), 0x0a020002, 5060, 5060, 0, 0, p);
    } else {
      const c = i % conns;
      let p = Buffer.from(sipText(i, "TCP"), "latin1");
      if (i % 16 === 3) {
        pendingCoalesce = p;
        i++;
        continue;
      }
      if (pendingCoalesce !== null) {
        p = Buffer.concat([pendingCoalesce, p]);
        pendingCoalesce = null;
        // The coalesced pair goes on the connection of the second message; both bytes are on one stream.
      }
      const s = seq[c] ?? 1001;
      if (i % 8 === 4 && p.length > 200) {
        out.frame(t, 6, client(c), server, 40000 + c, 5060, s, 0x18, p.subarray(0, 200));
        out.frame(t + 5, 6, client(c), server, 40000 + c, 5060, s + 200, 0x18, p.subarray(200));
      } else {
        out.frame(t, 6, client(c), server, 40000 + c, 5060, s, 0x18, p);
      }
      seq[c] = (s + p.length) >>> 0;
    }
    i++;
  }
  out.flush();
  closeSync(fd);
  return { bytes: out.bytes, frames: out.frames, messages: i };
}
