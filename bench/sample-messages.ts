/** Realistic SIP messages for benchmarks: a call (INVITE with SDP ... BYE), a registration and a transfer. */

function crlf(s: string): string {
  return s.replace(/\r?\n/g, "\r\n");
}

function withLength(head: string, body: string): string {
  return crlf(`${head}\nContent-Length: ${Buffer.byteLength(crlf(body))}\n\n`) + crlf(body);
}

const SDP = `v=0
o=alice 2890844526 2890844526 IN IP4 192.0.2.101
s=-
c=IN IP4 192.0.2.101
t=0 0
m=audio 49172 RTP/AVP 0 8 101
a=rtpmap:0 PCMU/8000
a=rtpmap:8 PCMA/8000
a=rtpmap:101 telephone-event/8000
a=sendrecv
`;

export function sampleMessages(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const cid = `${(i * 2654435761) % 4294967296}-bench@192.0.2.101`;
    const branch = `z9hG4bK${i.toString(16)}a`;
    const common = `Via: SIP/2.0/UDP 192.0.2.101:5060;branch=${branch};rport
Max-Forwards: 70
From: "Alice ${i}" <sip:alice${i}@example.com>;tag=${i}f1
To: <sip:bob@example.com>
Call-ID: ${cid}
`;
    out.push(
      withLength(
        `INVITE sip:bob@example.com SIP/2.0
${common}CSeq: 1 INVITE
Contact: <sip:alice${i}@192.0.2.101:5060;transport=udp>
Allow: INVITE, ACK, CANCEL, BYE, REFER, NOTIFY, OPTIONS
Supported: replaces, timer
User-Agent: bench/1.0
Content-Type: application/sdp`,
        SDP,
      ),
      withLength(
        `SIP/2.0 180 Ringing
Via: SIP/2.0/UDP 192.0.2.101:5060;branch=${branch};rport=5060;received=192.0.2.101
From: "Alice ${i}" <sip:alice${i}@example.com>;tag=${i}f1
To: <sip:bob@example.com>;tag=${i}t2
Call-ID: ${cid}
CSeq: 1 INVITE
Contact: <sip:bob@192.0.2.202:5060>`,
        "",
      ),
      withLength(
        `REFER sip:bob@192.0.2.202:5060 SIP/2.0
Via: SIP/2.0/UDP 192.0.2.101:5060;branch=${branch}r
Max-Forwards: 70
From: "Alice ${i}" <sip:alice${i}@example.com>;tag=${i}f1
To: <sip:bob@example.com>;tag=${i}t2
Call-ID: ${cid}
CSeq: 2 REFER
Refer-To: <sip:carol@example.com>
Referred-By: <sip:alice${i}@example.com>
Contact: <sip:alice${i}@192.0.2.101:5060>`,
        "",
      ),
      withLength(
        `REGISTER sip:example.com SIP/2.0
Via: SIP/2.0/TCP 192.0.2.101:50312;branch=${branch}g
Max-Forwards: 70
From: <sip:alice${i}@example.com>;tag=${i}r
To: <sip:alice${i}@example.com>
Call-ID: reg-${cid}
CSeq: ${i + 1} REGISTER
Supported: path, outbound
Contact: <sip:alice${i}@192.0.2.101:50312;transport=tcp;ob>;reg-id=1;+sip.instance="<urn:uuid:00000000-0000-1000-8000-000A95A0E128>"
Expires: 3600`,
        "",
      ),
    );
  }
  return out.slice(0, n);
}
