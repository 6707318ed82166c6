/**
 * A capture whose SIP carries web-attack payloads in every field a report shows: display names, URIs, header
 * values, reason phrases, bodies, Call-ID, REFER's Refer-To and a 302's Contact (so annotations quote them too).
 * Each payload, if it ever ran, would set `window.__pwned` or fetch from 127.0.0.1:9: the browser test looks
 * for both. Built with the project's capture writer.
 */
import { buildCapture, type PacketSpec } from "./capture-writer.js";

/** Script, event-handler, javascript: URL, style-breakout and CDATA-breakout payloads, plus a request beacon. */
export const PAYLOADS: readonly string[] = [
  "<script>window.__pwned='script'</script>",
  "<img src=x onerror=\"window.__pwned='onerror'\">",
  "javascript:window.__pwned='js-url'",
  "</style><script>window.__pwned='style'</script>",
  "]]><script>window.__pwned='cdata'</script>",
  "<svg onload=\"window.__pwned='svg'\"></svg>",
  "<img src=\"http://127.0.0.1:9/beacon\">",
  "\"><iframe src=\"javascript:window.__pwned='iframe'\"></iframe>",
];

const A = { ip: "10.0.0.1", port: 5060 };
const B = { ip: "10.0.0.2", port: 5060 };

function msg(lines: readonly string[], body = ""): string {
  const head = [...lines, `Content-Length: ${Buffer.byteLength(body)}`];
  return `${head.join("\r\n")}\r\n\r\n${body}`;
}

/** One call per payload: INVITE with the payload everywhere, a rejecting response whose reason is the payload. */
function hostileCall(n: number, p: string): { from: typeof A; text: string }[] {
  const callId = `xss-${n}-${p}@evil.example`;
  const common = (cseq: string): string[] => [
    `Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-xss${n}-${cseq.replace(" ", "")}`,
    `From: "${p.replace(/"/g, "'")}" <sip:${encodeURIComponent(p)}@evil.example>;tag=f${n}`,
    `To: <sip:bob@b.example;x=${encodeURIComponent(p)}>;tag=t${n}`,
    `Call-ID: ${callId}`,
    `CSeq: ${cseq}`,
  ];
  const body = `v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=${p}\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=${p}\r\n`;
  return [
    { from: A, text: msg([`INVITE sip:bob@10.0.0.2 SIP/2.0`, ...common("1 INVITE"), `Contact: <sip:a@10.0.0.1>`, `X-Evil: ${p}`, `Subject: ${p}`, `User-Agent: ${p}`, "Content-Type: application/sdp"], body) },
    { from: B, text: msg([`SIP/2.0 486 ${p}`, ...common("1 INVITE"), `Warning: 399 evil.example "${p.replace(/"/g, "'")}"`]) },
    { from: A, text: msg([`ACK sip:bob@10.0.0.2 SIP/2.0`, ...common("1 ACK")]) },
  ];
}

/** A REFER whose Refer-To is a javascript: URL, and a 302 whose Contact carries a payload: annotated responses. */
function annotatedCalls(): { from: typeof A; text: string }[] {
  const c = (id: string, cseq: string): string[] => [
    `Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-${id}-${cseq.replace(" ", "")}`,
    `From: <sip:alice@a.example>;tag=fa-${id}`,
    `To: <sip:bob@b.example>;tag=tb-${id}`,
    `Call-ID: ${id}@evil.example`,
    `CSeq: ${cseq}`,
  ];
  return [
    { from: A, text: msg([`REFER sip:bob@10.0.0.2 SIP/2.0`, ...c("refer", "2 REFER"), `Refer-To: <javascript:window.__pwned='refer'>`, `Referred-By: "${PAYLOADS[0] ?? ""}" <sip:alice@a.example>`, "Contact: <sip:alice@10.0.0.1>"]) },
    { from: B, text: msg([`SIP/2.0 202 ${PAYLOADS[1] ?? ""}`, ...c("refer", "2 REFER"), "Contact: <sip:bob@10.0.0.2>"]) },
    { from: A, text: msg([`INVITE sip:carol@10.0.0.2 SIP/2.0`, ...c("redir", "1 INVITE"), "Contact: <sip:alice@10.0.0.1>"]) },
    { from: B, text: msg([`SIP/2.0 302 ${PAYLOADS[3] ?? ""}`, ...c("redir", "1 INVITE"), `Contact: <sip:x@evil.example;u=${encodeURIComponent(PAYLOADS[4] ?? "")}>`, `Contact: <javascript:window.__pwned='contact'>`]) },
    { from: A, text: msg([`ACK sip:carol@10.0.0.2 SIP/2.0`, ...c("redir", "1 ACK")]) },
  ];
}

export function hostileCapture(): Buffer {
  const packets: PacketSpec[] = [];
  let t = 1_767_261_600_000_000;
  const all = [...PAYLOADS.flatMap((p, i) => hostileCall(i + 1, p)), ...annotatedCalls()];
  for (const m of all) {
    t += 10_000;
    packets.push({ kind: "udp", timeUs: t, src: m.from, dst: m.from === A ? B : A, payload: m.text });
  }
  return buildCapture(packets, { format: "pcap" });
}
