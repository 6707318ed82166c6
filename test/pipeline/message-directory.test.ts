/** The bounded directory of recent messages: labels, times and methods, and what it forgets. */
import { describe, expect, it } from "vitest";
import type { MessageRecord } from "../../src/model/document.js";
import { MessageDirectory } from "../../src/pipeline/message-directory.js";

function rec(index: number, over: Partial<MessageRecord> = {}): MessageRecord {
  return {
    index, file: "a.pcap", frame: index + 1, line: null, frames: [index + 1], ts: null, timePrecision: "full", src: null, dst: null,
    addressesInferred: false, transport: "udp", carrier: "plain", method: "INVITE", uri: "sip:b@h", status: null, reason: null,
    callId: "c", cseq: null, fromUri: null, fromTag: null, toUri: null, toTag: null, branch: null, size: 10,
    retransmissionOf: null, copyOf: null, warnings: [], ...over,
  };
}

describe("MessageDirectory", () => {
  it("labels by frame, line or index, with the file when several files are analysed", () => {
    const d = new MessageDirectory(false);
    d.add(rec(0), 5);
    d.add(rec(1, { frame: null, line: 120, method: null, status: 200 }), null);
    d.add(rec(2, { frame: null }), null);
    expect(d.label(0)).toBe("frame 1");
    expect(d.label(1)).toBe("line 120");
    expect(d.label(2)).toBe("message #3");
    expect(d.label(9)).toBe("message #10");
    expect(d.timeUs(0)).toBe(5);
    expect(d.timeUs(1)).toBeNull();
    expect(d.method(0)).toBe("INVITE");
    expect(d.method(1)).toBeNull();
    const multi = new MessageDirectory(true);
    multi.add(rec(3), 0);
    expect(multi.label(3)).toBe("a.pcap:frame 4");
  });

  it("keeps only the last `capacity` messages", () => {
    const d = new MessageDirectory(false, 4);
    for (let i = 0; i < 10; i++) d.add(rec(i), i);
    expect(d.label(5)).toBe("message #6");
    expect(d.timeUs(5)).toBeNull();
    expect(d.method(5)).toBeNull();
    expect(d.label(6)).toBe("frame 7");
    expect(d.timeUs(9)).toBe(9);
  });
});
