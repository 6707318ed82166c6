import { describe, expect, it } from "vitest";
import { decodeHep2, decodeHep3 } from "../../src/decode/hep.js";
import { decodeIp } from "../../src/decode/ip.js";
import { newIpHeader } from "../../src/decode/ip-header.js";
import { formatIpv6At } from "../../src/decode/ip-address.js";
import { LINKTYPE, NOT_IP, UNKNOWN_LINK, locateNetworkLayer } from "../../src/decode/link.js";
import { classifyStun } from "../../src/decode/stun.js";
import { looksLikeTlsRecord } from "../../src/decode/tls.js";
import { parseWebSocketFrameHeader, unmaskPayload } from "../../src/decode/websocket.js";
import { buildHep2, buildHep3, buildWebSocketFrame, expandFrames, parseIp } from "../helpers/capture-writer.js";

const a = { ip: "10.0.0.1", port: 5060 };
const b = { ip: "10.0.0.2", port: 5080 };

function frameOf(linkType: Parameters<typeof expandFrames>[1]["linkType"], vlan?: number[], src = a, dst = b): Buffer {
  return expandFrames([{ kind: "udp", timeUs: 0, src, dst, payload: "x" }], { format: "pcap", ...(linkType === undefined ? {} : { linkType }), ...(vlan === undefined ? {} : { vlan }) })[0]!.data;
}

describe("link layers", () => {
  it("finds the IP header behind each supported link type", () => {
    expect(locateNetworkLayer(LINKTYPE.ETHERNET, frameOf("ethernet"), frameOf("ethernet").length)).toBe(14);
    const q = frameOf("ethernet", [10, 20]);
    expect(locateNetworkLayer(LINKTYPE.ETHERNET, q, q.length)).toBe(22);
    expect(locateNetworkLayer(LINKTYPE.LINUX_SLL, frameOf("sll"), 100)).toBe(16);
    expect(locateNetworkLayer(LINKTYPE.LINUX_SLL2, frameOf("sll2"), 100)).toBe(20);
    expect(locateNetworkLayer(LINKTYPE.NULL, frameOf("null"), 100)).toBe(4);
    expect(locateNetworkLayer(LINKTYPE.LOOP, frameOf("loop"), 100)).toBe(4);
    for (const raw of [LINKTYPE.RAW, LINKTYPE.RAW_OPENBSD, LINKTYPE.RAW_BSDOS, LINKTYPE.IPV4]) expect(locateNetworkLayer(raw, frameOf("raw"), 100)).toBe(0);
  });
  it("says NOT_IP for ARP and UNKNOWN_LINK for link types it does not decode", () => {
    const arp = Buffer.alloc(42);
    arp.writeUInt16BE(0x0806, 12);
    expect(locateNetworkLayer(LINKTYPE.ETHERNET, arp, arp.length)).toBe(NOT_IP);
    expect(locateNetworkLayer(147, arp, arp.length)).toBe(UNKNOWN_LINK);
  });
});

describe("IP", () => {
  it("decodes IPv4 with options and IPv6 fragments", () => {
    const h = newIpHeader();
    const v4 = expandFrames([{ kind: "udp", timeUs: 0, src: a, dst: b, payload: "x", ip: { ipv4Options: Buffer.from([1, 1, 1, 1]) } }], { format: "pcap", linkType: "raw" })[0]!.data;
    expect(decodeIp(v4, 0, v4.length, h)).toBeNull();
    expect([h.src, h.dst, h.proto, h.payloadOff]).toEqual(["10.0.0.1", "10.0.0.2", 17, 24]);
    const frags = expandFrames([{ kind: "udp", timeUs: 0, src: { ip: "2001:db8::1", port: 1 }, dst: { ip: "2001:db8::2", port: 2 }, payload: Buffer.alloc(100), ip: { fragmentSize: 64, ipId: 77 } }], { format: "pcap", linkType: "raw" });
    expect(decodeIp(frags[1]!.data, 0, frags[1]!.data.length, h)).toBeNull();
    expect([h.isFragment, h.fragOffset, h.moreFragments, h.fragId, h.proto]).toEqual([true, 64, false, 77, 17]);
  });
  it("rejects cut headers with a reason", () => {
    expect(decodeIp(Buffer.from([0x45, 0, 0]), 0, 3, newIpHeader())).toMatch(/cut short/);
  });
  it("formats IPv6 per RFC 5952", () => {
    expect(formatIpv6At(parseIp("2001:db8:0:0:1:0:0:1"), 0)).toBe("2001:db8::1:0:0:1");
    expect(formatIpv6At(parseIp("::ffff:10.1.2.3"), 0)).toBe("::ffff:10.1.2.3");
  });
});

describe("WebSocket, HEP, STUN, TLS", () => {
  it("parses and unmasks a WebSocket frame", () => {
    const f = buildWebSocketFrame("INVITE", { mask: Buffer.from([1, 2, 3, 4]) });
    const r = parseWebSocketFrameHeader(f, 0, f.length, 1 << 20);
    expect(r.kind === "frame" && unmaskPayload(f, r.header).toString()).toBe("INVITE");
    expect(parseWebSocketFrameHeader(f, 0, 1, 1 << 20).kind).toBe("incomplete");
  });
  it("decodes HEP3 chunks (plain and compressed) and HEP2", () => {
    for (const compress of [false, true]) {
      const p = buildHep3({ src: a, dst: b, timeUs: 1_000_000_123, payload: "OPTIONS sip:x SIP/2.0\r\n\r\n", compress });
      const r = decodeHep3(p, 0, p.length);
      expect(r.kind === "hep" && [r.packet.src, r.packet.timeUs, r.packet.payload.toString()]).toEqual([a, 1_000_000_123, "OPTIONS sip:x SIP/2.0\r\n\r\n"]);
    }
    const cut = buildHep3({ src: a, dst: b, timeUs: 0, payload: "x" });
    cut.writeUInt16BE(200, 4);
    expect(decodeHep3(cut, 0, cut.length).kind).toBe("incomplete");
    const h2 = buildHep2({ src: a, dst: b, timeUs: 5_000_007, payload: "BYE sip:x SIP/2.0\r\n\r\n" });
    const r2 = decodeHep2(h2, 0, h2.length);
    expect(r2?.kind === "hep" && [r2.packet.dst, r2.packet.timeUs]).toEqual([b, 5_000_007]);
  });
  it("recognises STUN binding and TLS records", () => {
    const stun = Buffer.alloc(20);
    stun.writeUInt16BE(0x0001, 0);
    stun.writeUInt32BE(0x2112a442, 4);
    expect(classifyStun(stun, 0, 20)).toBe("request");
    expect(looksLikeTlsRecord(Buffer.from([0x16, 3, 1, 0, 40]), 0, 5)).toBe(true);
    expect(looksLikeTlsRecord(Buffer.from("INVITE"), 0, 6)).toBe(false);
  });
});
