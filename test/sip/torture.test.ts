/**
 * Cases written after RFC 4475 (SIP torture tests): §3.1.1 valid but tortuous messages must parse with the
 * right values; §3.1.2 invalid ones must still yield a message (or a diagnostic), never an exception.
 */
import { describe, expect, it } from "vitest";
import { frameDatagram } from "../../src/sip/framing.js";
import { wholeMessageFacts } from "../../src/sip/framing-facts.js";
import { crlf, mustParse, parse } from "../helpers/payload.js";

/** What framing reports for `text` as a UDP datagram: the one owner of Content-Length facts (the parser reports none). */
function framingCodes(text: string): string[] {
  const b = Buffer.from(text, "latin1");
  const r = frameDatagram(b, 0, b.length);
  return r.kind === "message" ? wholeMessageFacts(b, 0, r.message, "UDP").map((f) => f.code) : [`not framed: ${r.kind}`];
}

describe("RFC 4475 §3.1.1 valid messages", () => {
  it("§3.1.1.1-style tortuous INVITE: folding, odd case, SWS around ':' '/' ';' '=', leading zeros", () => {
    const body = "v=0\r\no=mhandley 29739 7272939 IN IP4 192.0.2.3\r\ns=-\r\nc=IN IP4 192.0.2.4\r\nt=0 0\r\nm=audio 49217 RTP/AVP 0 12\r\n";
    const text = crlf(
      "INVITE sip:vivekg@chair-dnrc.example.com;unknownparam SIP/2.0",
      "TO :",
      " sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n",
      'from   : "J Rosenberg \\\\\\""       <sip:jdrosen@example.com>',
      "  ;",
      "  tag = 98asjd8",
      "MaX-fOrWaRdS: 0068",
      "Call-ID: wsinv.ndaksdj@192.0.2.1",
      `Content-Length   : ${Buffer.byteLength(body)}`,
      "cseq: 0009",
      "  INVITE",
      "Via  : SIP  /   2.0",
      " /UDP",
      "    192.0.2.2;branch=390skdjuw",
      "s :",
      "NewFangledHeader:   newfangled value",
      " continued newfangled value",
      "UnknownHeaderWithUnusualValue: ;;,,;;,;",
      "Content-Type: application/sdp",
      "Route:",
      " <sip:services.example.com;lr;unknownwith=value;unknown-no-value>",
      "v:  SIP  / 2.0  / TCP     spindle.example.com   ;",
      "  branch  =   z9hG4bK9ikj8  ,",
      " SIP  /    2.0   / UDP  192.168.255.111   ; branch=",
      " z9hG4bK30239",
      'm:"Quoted string \\"\\"" <sip:jdrosen@example.com> ; newparam =',
      "      newvalue ;",
      "  secondparam ; q = 0.33",
      "",
      body,
    );
    const { msg, codes } = mustParse(text);
    expect(msg.kind).toBe("request");
    expect(msg.callId).toBe("wsinv.ndaksdj@192.0.2.1");
    expect(msg.cseq).toEqual({ seq: 9, method: "INVITE" });
    expect(msg.toTag).toBe("1918181833n");
    expect(msg.fromTag).toBe("98asjd8");
    expect(msg.branch).toBe("390skdjuw");
    expect(msg.maxForwards).toBe(68);
    expect(msg.contentLength).toBe(Buffer.byteLength(body));
    expect(msg.from?.displayName).toBe('J Rosenberg \\"');
    expect(msg.vias.map((v) => [v.transport, v.host, v.branch])).toEqual([
      ["UDP", "192.0.2.2", "390skdjuw"],
      ["TCP", "spindle.example.com", "z9hG4bK9ikj8"],
      ["UDP", "192.168.255.111", "z9hG4bK30239"],
    ]);
    expect(msg.header("newfangledheader")).toBe("newfangled value continued newfangled value");
    expect(msg.header("subject")).toBe("");
    expect(msg.routes[0]?.uri.params.has("unknown-no-value")).toBe(true);
    const c = msg.contacts[0];
    expect(c?.kind).toBe("address");
    if (c?.kind === "address") {
      expect(c.q).toBeCloseTo(0.33);
      expect(c.address.displayName).toBe('Quoted string ""');
      expect(c.address.params.get("newparam")).toBe("newvalue");
      expect(c.address.params.has("secondparam")).toBe(true);
    }
    expect(msg.sdp?.media[0]?.port).toBe(49217);
    expect(codes.filter((x) => x !== "sip.bad_header")).toEqual([]);
  });

  it("§3.1.1.3-style %-escaping in the Request-URI user part is decoded in the URI, kept in the text", () => {
    const { msg } = mustParse(
      crlf(
        "INVITE sip:sips%3Auser%40example.com@example.net SIP/2.0",
        "To: sip:%75se%72@example.com",
        "From: <sip:I%20have%20spaces@example.net>;tag=938",
        "Max-Forwards: 87",
        "i: esc01.239409asdfakjkn23onasd0-3234",
        "CSeq: 234234 INVITE",
        "Via: SIP/2.0/UDP host5.example.net;branch=z9hG4bKkdjuw",
        "l: 0",
        "",
        "",
      ),
    );
    if (msg.kind !== "request") throw new Error("expected request");
    expect(msg.requestUri.user).toBe("sips:user@example.com");
    expect(msg.requestUri.host).toBe("example.net");
    expect(msg.to?.uri.user).toBe("user");
    expect(msg.from?.uri.user).toBe("I have spaces");
  });

  it("§3.1.1.6-style: no LWS between display name and '<'; tags still found", () => {
    const { msg } = mustParse(
      crlf(
        "OPTIONS sip:user@example.com SIP/2.0",
        "To: sip:user@example.com",
        'From: caller<sip:caller@example.com>;tag=323',
        "Max-Forwards: 70",
        "Call-ID: lwsdisp.1234abcd@funky.example.com",
        "CSeq: 60 OPTIONS",
        "Via: SIP/2.0/UDP funky.example.com;branch=z9hG4bKkdjuw",
        "l: 0",
        "",
        "",
      ),
    );
    expect(msg.from?.displayName).toBe("caller");
    expect(msg.fromTag).toBe("323");
    expect(msg.toTag).toBeNull();
  });

  it("§3.1.1.8-style: extra trailing octets in a UDP datagram are cut by Content-Length and reported", () => {
    const text = crlf(
      "REGISTER sip:example.com SIP/2.0",
      "To: sip:j.user@example.com",
      "From: sip:j.user@example.com;tag=43251j3j324",
      "Max-Forwards: 8",
      "I: dblreq.0ha0isndaksdj99sdfafnl3lk233412",
      "Contact: sip:j.user@host.example.com",
      "CSeq: 8 REGISTER",
      "Via: SIP/2.0/UDP 192.0.2.125;branch=z9hG4bKkdjuw23492",
      "Content-Length: 0",
      "",
      "INVITE sip:joe@example.com SIP/2.0",
      "t: sip:joe@example.com",
    );
    const { msg, codes } = mustParse(text);
    expect(msg.kind === "request" && msg.method).toBe("REGISTER");
    expect(msg.callId).toBe("dblreq.0ha0isndaksdj99sdfafnl3lk233412");
    expect(msg.body.length).toBe(0);
    expect(codes.filter((c) => c.includes("content_length"))).toEqual([]);
    expect(framingCodes(text)).toEqual(["framing.content_length_mismatch"]);
  });

  it("§3.1.1.9-style: semicolons in the URI user part belong to the user", () => {
    const { msg } = mustParse(
      crlf(
        "OPTIONS sip:user;par=u%40example.net@example.com SIP/2.0",
        "To: sip:j_user@example.com",
        "From: sip:caller@example.org;tag=33242",
        "Max-Forwards: 3",
        "Call-ID: semiuri.0ha0isndaksdj",
        "CSeq: 8 OPTIONS",
        "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKkdjuw",
        "l: 0",
        "",
        "",
      ),
    );
    if (msg.kind !== "request") throw new Error("expected request");
    expect(msg.requestUri.user).toBe("user;par=u@example.net");
    expect(msg.requestUri.host).toBe("example.com");
    expect(msg.fromTag).toBe("33242");
  });

  it("§3.1.1.10-style: unknown transports in Via are kept as written", () => {
    const { msg } = mustParse(
      crlf(
        "OPTIONS sip:user@example.com SIP/2.0",
        "To: sip:user@example.com",
        "From: <sip:caller@example.com>;tag=323",
        "Max-Forwards: 70",
        "Call-ID:  transports.kijh4akdnaqjkwendsasfdj",
        "Accept: application/sdp",
        "CSeq: 60 OPTIONS",
        "Via: SIP/2.0/UDP t1.example.com;branch=z9hG4bKkdjuw",
        "Via: SIP/2.0/SCTP t2.example.com;branch=z9hG4bKklasjdhf",
        "Via: SIP/2.0/TLS t3.example.com;branch=z9hG4bK2980unddj",
        "Via: SIP/2.0/UNKNOWN t4.example.com;branch=z9hG4bKasd0f3en",
        "Via: SIP/2.0/TCP t5.example.com;branch=z9hG4bK0a9idfnee",
        "l: 0",
        "",
        "",
      ),
    );
    expect(msg.vias.map((v) => v.transport)).toEqual(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"]);
    expect(msg.callId).toBe("transports.kijh4akdnaqjkwendsasfdj");
  });

  it("§3.1.1.11-style multipart body: parts split on the boundary", () => {
    const body = crlf(
      "--boundary42",
      "Content-Type: application/sdp",
      "",
      "v=0",
      "o=user 1 1 IN IP4 192.0.2.1",
      "--boundary42",
      "Content-Type: application/pkcs7-signature; name=smime.p7s",
      "",
      "AAAA",
      "--boundary42--",
      "",
    );
    const { msg } = mustParse(
      crlf(
        "MESSAGE sip:kumiko@example.org SIP/2.0",
        "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-d87543-4dade06d0bdb11ee-1--d87543-;rport",
        "Max-Forwards: 70",
        "To: <sip:kumiko@example.org>",
        "From: <sip:fluffy@example.com>;tag=2fb0dcc9",
        "Call-ID: 3d9485ad0c49859b@Zmx1ZmZ5LW1hYy0xNi5sb2NhbA..",
        "CSeq: 1 MESSAGE",
        'Content-Type: multipart/mixed;boundary="boundary42"',
        `Content-Length: ${Buffer.byteLength(body)}`,
        "",
        body,
      ),
    );
    expect(msg.bodyParts.map((p) => p.contentType?.essence)).toEqual(["application/sdp", "application/pkcs7-signature"]);
  });

  it("§3.1.1.12/13-style reason phrases: UTF-8 kept, empty allowed", () => {
    const r1 = mustParse(crlf("SIP/2.0 200 = 2**3 * 5**2 но сто девяносто девять - простое", "Via: SIP/2.0/UDP 192.0.2.198;branch=z9hG4bK1324923", "Call-ID: unreason.1234ksdfak3j2erwedfsASdf", "CSeq: 35 INVITE", "From: sip:user@example.com;tag=11141343", "To: sip:user@example.edu;tag=2229", "l: 0", "", ""));
    expect(r1.msg.kind === "response" && r1.msg.reason).toBe("= 2**3 * 5**2 но сто девяносто девять - простое");
    const r2 = mustParse(crlf("SIP/2.0 100 ", "Via: SIP/2.0/UDP 192.0.2.105;branch=z9hG4bK2398ndaoe", "Call-ID: noreason.asndj203insdf99223ndf", "CSeq: 35 INVITE", "From: <sip:user@example.com>;tag=39ansfi3", "To: <sip:user@example.edu>;tag=902jndnke3", "l: 0", "", ""));
    expect(r2.msg.kind === "response" && r2.msg.status).toBe(100);
    expect(r2.msg.kind === "response" && r2.msg.reason).toBe("");
  });
});

describe("RFC 4475 §3.1.2 invalid messages: kept or rejected with a diagnostic, never thrown", () => {
  const HEAD = [
    "To: sip:j.user@example.com",
    "From: sip:caller@example.net;tag=134161461246",
    "Max-Forwards: 7",
    "Call-ID: bad.9dkdjsqe",
    "Via: SIP/2.0/UDP 192.0.2.15;branch=z9hG4bKkdjhsbjhsd",
  ];

  it("§3.1.2.2: Content-Length larger than the message: body kept as far as it goes, mismatch reported once, by framing", () => {
    const text = crlf("INVITE sip:user@example.com SIP/2.0", ...HEAD, "CSeq: 1 INVITE", "Content-Length: 9999", "", "v=0");
    const { msg, codes } = mustParse(text);
    expect(msg.body.toString()).toBe("v=0");
    expect(codes.filter((c) => c.includes("content_length") || c.endsWith(".truncated"))).toEqual([]);
    expect(framingCodes(text)).toEqual(["framing.content_length_mismatch"]);
  });

  it("§3.1.2.3: negative Content-Length is reported (by framing), not fatal", () => {
    const text = crlf("INVITE sip:user@example.com SIP/2.0", ...HEAD, "CSeq: 1 INVITE", "Content-Length: -999", "", "");
    const { msg, codes } = mustParse(text);
    expect(msg.contentLength).toBeNull();
    expect(codes.filter((c) => c.includes("content_length"))).toEqual([]);
    expect(framingCodes(text)).toEqual(["framing.bad_content_length"]);
  });

  it("§3.1.2.4: overlarge CSeq is rejected as a CSeq, the message is kept", () => {
    const { msg, codes } = mustParse(crlf("REGISTER sip:example.com SIP/2.0", ...HEAD, "CSeq: 36893488147419103232 REGISTER", "l: 0", "", ""));
    expect(msg.cseq).toBeNull();
    expect(codes).toContain("sip.bad_cseq");
    expect(msg.callId).toBe("bad.9dkdjsqe");
  });

  it("§3.1.2.6: unterminated quoted display name still yields the other fields", () => {
    const { msg } = mustParse(crlf("OPTIONS sip:user@example.com SIP/2.0", "To: sip:user@example.com", 'From: "Bob <sip:bob@example.com>;tag=37GkEhwl6', "Max-Forwards: 70", "Call-ID: badaspec.sdf0234n2nds0a099u23h3hnnw009cdkne3", "CSeq: 3923239 OPTIONS", "Via: SIP/2.0/UDP 192.0.2.15;branch=z9hG4bKkdjhsbjhsd", "l: 0", "", ""));
    expect(msg.callId).toBe("badaspec.sdf0234n2nds0a099u23h3hnnw009cdkne3");
    expect(msg.cseq?.seq).toBe(3923239);
  });

  it("§3.1.2.7: '<>' around the Request-URI is not a SIP request line", () => {
    const r = parse(crlf("INVITE <sip:user@example.com> SIP/2.0", ...HEAD, "CSeq: 1 INVITE", "l: 0", "", ""));
    // The token after the method is taken as the URI; the line still ends in SIP/2.0, so it parses,
    // but the Request-URI does not parse as a SIP URI and is reported.
    if (r.msg?.kind === "request") {
      expect(r.msg.requestUri.scheme).toBe("other");
      expect(r.msg.warnings).toContain("sip.bad_request_uri");
    } else {
      expect(r.codes).toContain("sip.no_start_line");
    }
  });

  it("§3.1.2.9: multiple SP between request-line elements are tolerated", () => {
    const { msg } = mustParse(crlf("OPTIONS  sip:user@example.com   SIP/2.0", ...HEAD, "CSeq: 1 OPTIONS", "l: 0", "", ""));
    expect(msg.kind === "request" && msg.uri).toBe("sip:user@example.com");
  });

  it("§3.1.2.16: unknown protocol version is reported", () => {
    const { codes } = mustParse(crlf("OPTIONS sip:t.watson@example.org SIP/7.0", ...HEAD, "CSeq: 1 OPTIONS", "l: 0", "", ""));
    expect(codes).toContain("sip.unsupported_version");
  });

  it("§3.1.2.17: CSeq method differing from the request method is reported", () => {
    const { codes } = mustParse(crlf("OPTIONS sip:user@example.com SIP/2.0", ...HEAD, "CSeq: 1 INVITE", "l: 0", "", ""));
    expect(codes).toContain("sip.cseq_method_mismatch");
  });

  it("§3.1.2.19: overlarge status code is not a status line", () => {
    const r = parse(crlf("SIP/2.0 4294967301 better not break the receiver", ...HEAD, "CSeq: 1 INVITE", "l: 0", "", ""));
    expect(r.msg).toBeNull();
    expect(r.codes).toEqual(["sip.no_start_line"]);
  });
});
