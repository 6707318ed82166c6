/** Format details the scenario fixtures do not reach: tshark body forms, AudioCodes record continuation, sofia ANSI. */
import { describe, expect, it } from "vitest";
import { codes, readAll, text } from "./read-all.js";

const tsharkNotify = (sipfragLine: string, via: string): string =>
  [
    "Frame 7: 480 bytes on wire (3840 bits), 480 bytes captured (3840 bits)",
    "    Epoch Time: 1767904081.500000000 seconds",
    "Internet Protocol Version 4, Src: 192.0.2.1, Dst: 192.0.2.10",
    "User Datagram Protocol, Src Port: 5060, Dst Port: 5062",
    "Session Initiation Protocol (NOTIFY)",
    "    Request-Line: NOTIFY sip:alice@192.0.2.10:5062 SIP/2.0",
    "        Method: NOTIFY",
    "    Message Header",
    `        ${via}`,
    "            Transport: UDP",
    "        Call-ID: call-1@192.0.2.10",
    "        CSeq: 2 NOTIFY",
    "            Sequence Number: 2",
    "        Content-Type: message/sipfrag;version=2.0",
    "        Content-Length: 16",
    "    Message Body",
    "        Sipfrag",
    `            ${sipfragLine}`,
    "",
  ].join("\n");

describe("tshark -V", () => {
  it("rebuilds a sipfrag body from the Sipfrag tree (packet-sipfrag.c prints each line as is)", async () => {
    const r = await readAll(Buffer.from(tsharkNotify("SIP/2.0 200 OK", "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKn2"), "latin1"));
    expect(r.messages).toHaveLength(1);
    const m = r.messages[0]!;
    expect(text(m)).toBe(
      "NOTIFY sip:alice@192.0.2.10:5062 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKn2\r\nCall-ID: call-1@192.0.2.10\r\nCSeq: 2 NOTIFY\r\nContent-Type: message/sipfrag;version=2.0\r\nContent-Length: 16\r\n\r\nSIP/2.0 200 OK\r\n",
    );
    expect(m.timeUs).toBe(1767904081_500000);
    expect(m.timePrecision).toBe("full");
    expect(m.src).toEqual({ ip: "192.0.2.1", port: 5060 });
    expect(m.truncated).toBe(false);
    expect(codes(r)).toContain("textlog.lossy_reconstruction");
  });

  it("a [truncated] field makes the message truncated", async () => {
    const r = await readAll(Buffer.from(tsharkNotify("SIP/2.0 200 OK", "[truncated]Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKn2;x=aaaa"), "latin1"));
    expect(r.messages[0]?.truncated).toBe(true);
    expect(codes(r)).toContain("textlog.truncated_message");
  });
});

describe("audiocodes syslog", () => {
  it("appends a continuation record of the same SID and reads #012 / [Time:] ", async () => {
    const log = [
      "<133>[S=10] [SID=ab:1:2] (N  100) ---- Outgoing SIP Message to 10.0.0.9:5060 from SIPInterface #1 (Trunk) UDP TO(#1) ---- #012BYE sip:x@10.0.0.9 SIP/2.0 #012Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK7 #012CSeq: 3 BYE",
      "<133>[S=11] [SID=ab:1:2] #012Call-ID: c7@10.0.0.1 #012Content-Length: 0 #012 #012 [Time:19-12@12:45:02.515]",
      "<133>[S=12] [SID=ab:1:2] (N  101) AcSIPCall(#942): other log line",
    ].join("\n");
    const r = await readAll(Buffer.from(log, "latin1"), { date: "2020-12-19" });
    expect(r.messages).toHaveLength(1);
    const m = r.messages[0]!;
    expect(text(m)).toBe("BYE sip:x@10.0.0.9 SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK7\r\nCSeq: 3 BYE\r\nCall-ID: c7@10.0.0.1\r\nContent-Length: 0\r\n\r\n");
    expect(m.truncated).toBe(false);
    expect(m.direction).toBe("out");
    expect(m.dst).toEqual({ ip: "10.0.0.9", port: 5060 });
    expect(codes(r)).toContain("textlog.unparsed_line");
  });
});

describe("freeswitch", () => {
  it("fs_cli colour before recv and a time-of-day rollover", async () => {
    const msg = "OPTIONS sip:a@b SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1\nContent-Length: 0\n\n";
    const stamp = (t: string): string => `\x1b[mrecv 94 bytes from udp/[10.0.0.1]:5060 at ${t}:\n${"-".repeat(72)}\n${msg}`;
    const r = await readAll(Buffer.from(stamp("23:59:59.999999") + stamp("00:00:00.000001"), "latin1"));
    expect(r.messages).toHaveLength(2);
    expect(r.messages.map((m) => m.timeUs)).toEqual([86_399_999_999, 86_400_000_001]);
    expect(codes(r).filter((c) => c === "textlog.date_unknown")).toHaveLength(1);
    expect(codes(r)).not.toContain("textlog.byte_count_mismatch");
  });
});
