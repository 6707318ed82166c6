/** One test group per header kind: the typed accessors and value parsers. */
import { SipStreamFramer, type FramedItem, type FramerProblem } from "../../src/sip/framing-stream.js";
import { describe, expect, it } from "vitest";
import { parseUri, uriKey } from "../../src/sip/uri.js";
import { parseNameAddr } from "../../src/sip/name-addr.js";
import { splitHeaderList } from "../../src/sip/split-list.js";
import { parseVia } from "../../src/sip/values/via.js";
import { parseContact } from "../../src/sip/values/contact.js";
import { parseReferTo, parseReferSub, parseTargetDialog } from "../../src/sip/values/refer.js";
import { parseEvent, parseSubscriptionState } from "../../src/sip/values/event.js";
import { COMPACT_FORMS } from "../../src/sip/header-names.js";
import { crlf, mustParse } from "../helpers/payload.js";

function msgWith(...extra: string[]): string {
  return crlf(
    "NOTIFY sip:alice@192.0.2.1:5060 SIP/2.0",
    "Via: SIP/2.0/UDP 192.0.2.2:5060;branch=z9hG4bK776",
    "From: <sip:bob@example.com>;tag=b1",
    "To: <sip:alice@example.com>;tag=a1",
    "Call-ID: hdr-test@192.0.2.2",
    "CSeq: 5 NOTIFY",
    ...extra,
    "Content-Length: 0",
    "",
    "",
  );
}

describe("URIs (RFC 3261 §19.1, RFC 3966)", () => {
  it("sip with user, password, IPv4 host, port, params and headers", () => {
    const r = parseUri("sip:alice:secret@192.0.2.4:5070;transport=tcp;lr?subject=project%20x&priority=urgent");
    expect(r.ok).toBe(true);
    expect(r.uri).toMatchObject({ scheme: "sip", user: "alice", password: "secret", host: "192.0.2.4", port: 5070 });
    expect(r.uri.params.get("transport")).toBe("tcp");
    expect(r.uri.params.get("lr")).toBeNull();
    expect(r.uri.headers.get("subject")).toBe("project x");
  });
  it("bracketed IPv6 host with and without port", () => {
    expect(parseUri("sips:bob@[2001:db8::10]:5061").uri).toMatchObject({ scheme: "sips", host: "2001:db8::10", port: 5061 });
    expect(parseUri("sip:[2001:db8::10]").uri).toMatchObject({ host: "2001:db8::10", port: null });
  });
  it("tel URI with parameters", () => {
    const r = parseUri("tel:+1-201-555-0123;phone-context=example.com");
    expect(r.uri).toMatchObject({ scheme: "tel", user: "+1-201-555-0123" });
    expect(r.uri.params.get("phone-context")).toBe("example.com");
  });
  it("bad port and bad host are reported", () => {
    expect(parseUri("sip:a@host:99999").ok).toBe(false);
    expect(parseUri("sip:a@").ok).toBe(false);
    expect(parseUri("nonsense").ok).toBe(false);
  });
  it("uriKey ignores default port and host case", () => {
    expect(uriKey(parseUri("sip:carol@Example.COM:5060").uri)).toBe(uriKey(parseUri("sip:carol@example.com").uri));
    expect(uriKey(parseUri("sip:carol@example.com:5070").uri)).not.toBe(uriKey(parseUri("sip:carol@example.com").uri));
  });
});

describe("name-addr (From, To, Route, Referred-By)", () => {
  it("quoted display name with escaped quote and comma, URI params vs header params", () => {
    const r = parseNameAddr('"Smith, \\"J\\"" <sip:j@example.com;user=phone>;tag=abc');
    expect(r.ok).toBe(true);
    expect(r.value.displayName).toBe('Smith, "J"');
    expect(r.value.uri.params.get("user")).toBe("phone");
    expect(r.value.params.get("tag")).toBe("abc");
  });
  it("addr-spec: params after ';' belong to the header (RFC 3261 §20.10)", () => {
    const r = parseNameAddr("sip:j@example.com;tag=xyz");
    expect(r.value.params.get("tag")).toBe("xyz");
    expect(r.value.uri.params.size).toBe(0);
  });
  it("missing '>' is reported", () => {
    expect(parseNameAddr("<sip:j@example.com;tag=1").ok).toBe(false);
  });
});

describe("list headers split on commas outside quotes and <>", () => {
  it("splits", () => {
    expect(splitHeaderList('"a,b" <sip:x@y;p=1,2>, <sip:z@w>,,  sip:q@r ')).toEqual(['"a,b" <sip:x@y;p=1,2>', "<sip:z@w>", "sip:q@r"]);
  });
  it("multi-valued headers across lines and in one line are combined", () => {
    const { msg } = mustParse(msgWith("Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>", "Route: <sip:p3.example.com;lr>"));
    expect(msg.routes.map((r) => r.uri.host)).toEqual(["p1.example.com", "p2.example.com", "p3.example.com"]);
  });
});

describe("Via (RFC 3261 §20.42, §18.2.1, RFC 3581)", () => {
  it("transport, sent-by, branch, received, rport with and without value", () => {
    const v = parseVia("SIP/2.0/TCP client.example.com:5061;branch=z9hG4bK74bf9;received=192.0.2.101;rport=53421");
    expect(v.ok && v.value).toMatchObject({ transport: "TCP", host: "client.example.com", port: 5061, branch: "z9hG4bK74bf9", received: "192.0.2.101", rport: 53421 });
    const w = parseVia("SIP/2.0/UDP [2001:db8::1]:5060;rport;branch=z9hG4bKx");
    expect(w.ok && w.value).toMatchObject({ host: "2001:db8::1", port: 5060, rport: true });
    expect(parseVia("garbage").ok).toBe(false);
  });
});

describe("Contact (RFC 3261 §20.10, RFC 5626 §4.1/§5.4)", () => {
  it("q, expires, reg-id, +sip.instance, ob", () => {
    const c = parseContact('<sip:alice@192.0.2.1:50312;transport=tcp;ob>;reg-id=2;+sip.instance="<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>";expires=600;q=0.5');
    expect(c.ok).toBe(true);
    expect(c.value).toMatchObject({ kind: "address", q: 0.5, expires: 600, regId: 2, instance: "<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>", ob: true });
  });
  it("'*' wildcard", () => {
    expect(parseContact("*").value.kind).toBe("star");
  });
  it("q outside 0..1 is ignored", () => {
    const c = parseContact("<sip:a@b>;q=7");
    expect(c.value.kind === "address" && c.value.q).toBeNull();
  });
});

describe("REFER headers (RFC 3515, 3891, 3892, 4488, 4538)", () => {
  it("Refer-To with an embedded, escaped Replaces", () => {
    const r = parseReferTo("<sip:carol@example.com?Replaces=425928%40bobster.example.org%3Bto-tag%3D7743%3Bfrom-tag%3D6472>");
    expect(r.ok).toBe(true);
    expect(r.value.replaces).toEqual({ callId: "425928@bobster.example.org", toTag: "7743", fromTag: "6472", earlyOnly: false });
    expect(r.value.method).toBe("INVITE");
  });
  it("Refer-To method parameter and no Replaces", () => {
    const r = parseReferTo("<sip:conf@example.com;method=BYE>");
    expect(r.value.method).toBe("BYE");
    expect(r.value.replaces).toBeNull();
  });
  it("Refer-Sub true/false/garbage", () => {
    expect(parseReferSub("false")).toBe(false);
    expect(parseReferSub("TRUE;x=1")).toBe(true);
    expect(parseReferSub("maybe")).toBeNull();
  });
  it("Replaces header and Target-Dialog on a message", () => {
    const { msg } = mustParse(msgWith("Replaces: 98732@sip.example.com;from-tag=r33th4x0r;to-tag=ff87ff;early-only", "Target-Dialog: 7743@client.example.com;local-tag=1234;remote-tag=5678"));
    expect(msg.replaces).toEqual({ callId: "98732@sip.example.com", fromTag: "r33th4x0r", toTag: "ff87ff", earlyOnly: true });
    expect(msg.targetDialog).toMatchObject({ callId: "7743@client.example.com", fromTag: "1234", toTag: "5678" });
    expect(parseTargetDialog("")).toBeNull();
  });
});

describe("Event and Subscription-State (RFC 6665 §8.2)", () => {
  it("event package with id", () => {
    expect(parseEvent("refer;id=93809824")).toEqual({ package: "refer", id: "93809824" });
  });
  it("subscription states and reasons", () => {
    expect(parseSubscriptionState("terminated;reason=noresource")).toMatchObject({ state: "terminated", reason: "noresource" });
    expect(parseSubscriptionState("active;expires=60")).toMatchObject({ state: "active", expires: 60 });
  });
  it("NOTIFY sipfrag body status line", () => {
    const frag = "SIP/2.0 486 Busy Here\r\n";
    const text = crlf(
      "NOTIFY sip:alice@192.0.2.1 SIP/2.0",
      "Via: SIP/2.0/UDP 192.0.2.2;branch=z9hG4bK1",
      "From: <sip:bob@example.com>;tag=b1",
      "To: <sip:alice@example.com>;tag=a1",
      "Call-ID: n@x",
      "CSeq: 5 NOTIFY",
      "o: refer;id=2",
      "Subscription-State: terminated;reason=noresource",
      "c: message/sipfrag;version=2.0",
      `l: ${frag.length}`,
      "",
      frag,
    );
    const { msg } = mustParse(text);
    expect(msg.event).toEqual({ package: "refer", id: "2" });
    expect(msg.sipfrag).toEqual({ status: 486, reason: "Busy Here" });
  });
});

describe("other typed headers", () => {
  it("Supported/Require tokens, Flow-Timer, Max-Forwards, Expires, Content-Type, User-Agent, Server", () => {
    const { msg } = mustParse(msgWith("Supported: Path, outbound", "k: gruu", "Require: outbound", "Flow-Timer: 30", "Max-Forwards: 69", "Expires: 3600", "User-Agent: softphone/1.2", "Server: pbx/9"));
    expect(msg.supported).toEqual(["path", "outbound", "gruu"]);
    expect(msg.require).toEqual(["outbound"]);
    expect(msg.flowTimer).toBe(30);
    expect(msg.maxForwards).toBe(69);
    expect(msg.expires).toBe(3600);
    expect(msg.userAgent).toBe("softphone/1.2");
    expect(msg.server).toBe("pbx/9");
  });
  it("a bad header is named in a diagnostic and the other headers still parse", () => {
    const { msg } = mustParse(msgWith("Flow-Timer: soon", "Contact: <sip:broken", "Supported: outbound"));
    expect(msg.flowTimer).toBeNull();
    expect(msg.contacts.length).toBe(1);
    expect(msg.supported).toEqual(["outbound"]);
    expect(msg.warnings).toContain("sip.bad_header");
    expect(msg.callId).toBe("hdr-test@192.0.2.2");
  });
  it("every compact form maps to its full header (RFC 3261 §7.3.3 and later RFCs)", () => {
    for (const [letter, full] of Object.entries(COMPACT_FORMS)) {
      const { msg } = mustParse(msgWith(`${letter}: value-${letter}`));
      const values = msg.headerValues(full);
      expect(values).toContain(`value-${letter}`);
    }
  });
  it("CRLF, LF-only (with a diagnostic) and a missing empty line", () => {
    const lf = mustParse(msgWith("Subject: x").replace(/\r\n/g, "\n"));
    expect(lf.msg.callId).toBe("hdr-test@192.0.2.2");
    expect(lf.codes).toContain("sip.bare_lf");
    const cut = mustParse(crlf("OPTIONS sip:a@b SIP/2.0", "Call-ID: cut@x", "CSeq: 1 OPTIONS"));
    expect(cut.codes).toContain("sip.headers_incomplete");
  });
  it("Content-Length is required on TCP (framing-stream says so), optional on UDP; the parser trusts framing", () => {
    const text = crlf("OPTIONS sip:a@b SIP/2.0", "Via: SIP/2.0/TCP h;branch=z9hG4bK1", "From: <sip:a@b>;tag=1", "To: <sip:b@c>", "Call-ID: cl@x", "CSeq: 1 OPTIONS", "", "");
    const framer = new SipStreamFramer();
    const items: FramedItem[] = [];
    const problems: FramerProblem[] = [];
    framer.push(Buffer.from(text, "latin1"), 1, items, problems, 1);
    expect(items.map((i) => i.kind)).toEqual(["message"]);
    expect(problems.map((p) => p.kind)).toEqual(["missing-content-length"]);
    expect(mustParse(text, "tcp").codes.filter((c) => c.includes("content_length"))).toEqual([]);
    expect(mustParse(text, "udp").codes.filter((c) => c.includes("content_length"))).toEqual([]);
  });
});
