/**
 * A capture with many short, complete calls (INVITE, 100, 200, ACK, BYE, 200 over UDP), written with the project's
 * capture writer: big enough that every report format overflows a 64 KiB pipe buffer.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCapture, type PacketSpec } from "./capture-writer.js";

const A = { ip: "10.0.0.1", port: 5060 };
const B = { ip: "10.0.0.2", port: 5060 };

function message(startLine: string, n: number, cseq: string, branch: string, extra: readonly string[] = []): string {
  const lines = [
    startLine,
    `Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK${branch}${n}`,
    `From: "Alice ${n}" <sip:alice@a.example>;tag=f${n}`,
    `To: <sip:bob@b.example>;tag=t${n}`,
    `Call-ID: call-${n}@a.example`,
    `CSeq: ${cseq}`,
    ...extra,
    "Content-Length: 0",
  ];
  return `${lines.join("\r\n")}\r\n\r\n`;
}

function callMessages(n: number): { from: typeof A; text: string }[] {
  const uri = "sip:bob@10.0.0.2";
  return [
    { from: A, text: message(`INVITE ${uri} SIP/2.0`, n, "1 INVITE", "inv", ["Contact: <sip:alice@10.0.0.1>", "Max-Forwards: 70"]) },
    { from: B, text: message("SIP/2.0 100 Trying", n, "1 INVITE", "inv") },
    { from: B, text: message("SIP/2.0 200 OK", n, "1 INVITE", "inv", ["Contact: <sip:bob@10.0.0.2>"]) },
    { from: A, text: message(`ACK ${uri} SIP/2.0`, n, "1 ACK", "ack", ["Max-Forwards: 70"]) },
    { from: A, text: message(`BYE ${uri} SIP/2.0`, n, "2 BYE", "bye", ["Max-Forwards: 70"]) },
    { from: B, text: message("SIP/2.0 200 OK", n, "2 BYE", "bye") },
  ];
}

/** Writes the capture to a fresh temporary directory and returns its path. */
export function writeManyCallsCapture(calls: number): string {
  const packets: PacketSpec[] = [];
  let t = 1_767_261_600_000_000;
  for (let n = 1; n <= calls; n++) {
    for (const m of callMessages(n)) {
      t += 1000;
      packets.push({ kind: "udp", timeUs: t, src: m.from, dst: m.from === A ? B : A, payload: m.text });
    }
  }
  const file = join(mkdtempSync(join(tmpdir(), "sipta-many-")), "many-calls.pcap");
  writeFileSync(file, buildCapture(packets, { format: "pcap" }));
  return file;
}
