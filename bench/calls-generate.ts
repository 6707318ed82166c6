/**
 * A large classic pcap of complete calls for the analysis memory bench: every call is INVITE, 100, 180, 200, ACK,
 * then BYE and 200 three seconds later, over UDP, 100 new calls per second of capture time. Unlike the ingestion
 * bench's traffic, calls end, so correlation state can be released: this is the traffic whose memory must stay
 * flat as the file grows (`analyze --format ndjson`).
 */
import { closeSync, openSync, writeSync } from "node:fs";

const T0_US = 1_767_261_600_000_000;
const CALLS_PER_SECOND = 100;
const CALL_LENGTH_US = 3_000_000;

function message(kind: number, i: number): string {
  const id = String(i).padStart(9, "0");
  const inv = kind < 5;
  const starts = ["INVITE sip:bob@10.2.0.2 SIP/2.0", "SIP/2.0 100 Trying", "SIP/2.0 180 Ringing", "SIP/2.0 200 OK", "ACK sip:bob@10.2.0.2 SIP/2.0", "BYE sip:bob@10.2.0.2 SIP/2.0", "SIP/2.0 200 OK"];
  const cseq = kind === 4 ? "1 ACK" : inv ? "1 INVITE" : "2 BYE";
  const branch = kind === 4 ? `z9hG4bKa${id}` : inv ? `z9hG4bKi${id}` : `z9hG4bKb${id}`;
  const toTag = kind >= 2 ? `;tag=t${id}` : "";
  return `${starts[kind] ?? ""}\r\nVia: SIP/2.0/UDP 10.1.0.1:5060;branch=${branch}\r\nMax-Forwards: 70\r\nFrom: <sip:alice@example.com>;tag=f${id}\r\nTo: <sip:bob@example.com>${toTag}\r\nCall-ID: ${id}@calls.example.com\r\nCSeq: ${cseq}\r\nContact: <sip:alice@10.1.0.1:5060>\r\nContent-Length: 0\r\n\r\n`;
}

/** Writes about `targetBytes` of complete calls; returns bytes, messages and calls written. */
export function generateCallsCapture(path: string, targetBytes: number): { bytes: number; messages: number; calls: number } {
  const fd = openSync(path, "w");
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0);
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeUInt32LE(262144, 16);
  header.writeUInt32LE(101, 20); // LINKTYPE_RAW: IPv4 packets, no link header
  writeSync(fd, header);
  let bytes = 24;
  let messages = 0;
  let calls = 0;
  const out: Buffer[] = [];
  let pending = 0;
  // Events in time order: call i starts at i/100 s; its BYE comes 3 s later. A small queue keeps order.
  const byes: { t: number; i: number }[] = [];
  const emit = (timeUs: number, kind: number, i: number): void => {
    const payload = Buffer.from(message(kind, i), "latin1");
    const fromCaller = kind === 0 || kind === 4 || kind === 5;
    const len = 20 + 8 + payload.length;
    const rec = Buffer.alloc(16 + len);
    const sec = Math.floor(timeUs / 1e6);
    rec.writeUInt32LE(sec, 0);
    rec.writeUInt32LE(timeUs - sec * 1e6, 4);
    rec.writeUInt32LE(len, 8);
    rec.writeUInt32LE(len, 12);
    rec[16] = 0x45;
    rec.writeUInt16BE(len, 18);
    rec[24] = 64;
    rec[25] = 17;
    rec.writeUInt32BE(fromCaller ? 0x0a010001 : 0x0a020002, 28);
    rec.writeUInt32BE(fromCaller ? 0x0a020002 : 0x0a010001, 32);
    rec.writeUInt16BE(5060, 36);
    rec.writeUInt16BE(5060, 38);
    rec.writeUInt16BE(8 + payload.length, 40);
    payload.copy(rec, 44);
    out.push(rec);
    pending += rec.length;
    bytes += rec.length;
    messages++;
    if (pending > 4 << 20) {
      writeSync(fd, Buffer.concat(out));
      out.length = 0;
      pending = 0;
    }
  };
  for (let i = 0; bytes < targetBytes; i++) {
    const t = T0_US + Math.round((i * 1e6) / CALLS_PER_SECOND);
    while (byes.length > 0 && (byes[0]?.t ?? Infinity) <= t) {
      const b = byes.shift();
      if (b === undefined) break;
      emit(b.t, 5, b.i);
      emit(b.t + 500, 6, b.i);
    }
    [0, 1, 2, 3, 4].forEach((k, j) => {
      emit(t + j * 200, k, i);
    });
    byes.push({ t: t + CALL_LENGTH_US, i });
    calls++;
  }
  for (const b of byes) {
    emit(b.t, 5, b.i);
    emit(b.t + 500, 6, b.i);
  }
  if (out.length > 0) writeSync(fd, Buffer.concat(out));
  closeSync(fd);
  return { bytes, messages, calls };
}
