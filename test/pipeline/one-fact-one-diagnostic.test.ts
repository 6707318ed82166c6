/**
 * Issue 11: one framer, one diagnostic per fact. A message whose body is shorter than its Content-Length gets exactly
 * one diagnostic through the whole analysis (framing's), whether it came from a capture or a text log; before the
 * parser trusted framing it got three (framing.content_length_mismatch + sip.content_length_mismatch + sip.truncated).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyze } from "../../src/pipeline/analyze.js";

const tmp = mkdtempSync(join(tmpdir(), "sipta-onefact-"));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const HEAD = ["Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKshort", "From: <sip:a@example.com>;tag=1", "To: <sip:b@example.com>", "Call-ID: short-body@example.com", "CSeq: 1 MESSAGE", "Max-Forwards: 70"];

describe("one short body, one diagnostic", () => {
  it("capture: frame 1 of content-length-mismatch.pcap gets only framing.content_length_mismatch", async () => {
    const doc = await analyze([resolve(import.meta.dirname, "../../fixtures/captures/content-length-mismatch.pcap")]);
    const frame1 = doc.diagnostics.filter((d) => d.frame === 1 && !d.code.startsWith("sip.missing_"));
    expect(frame1.map((d) => d.code)).toEqual(["framing.content_length_mismatch"]);
    expect(frame1[0]?.message).toContain("expected 500 body bytes, got 10");
  });

  it("text log: a raw-SIP message with a short body gets only framing.content_length_mismatch", async () => {
    const path = join(tmp, "short.log");
    writeFileSync(path, ["MESSAGE sip:b@example.com SIP/2.0", ...HEAD, "Content-Type: text/plain", "Content-Length: 500", "", "only ten b"].join("\n"));
    const doc = await analyze([path]);
    expect(doc.diagnostics.map((d) => d.code)).toEqual(["framing.content_length_mismatch"]);
    expect(doc.diagnostics[0]?.line).toBe(1);
  });

  it("text log: a line after the body that Content-Length ends is reported once, as a line of no message", async () => {
    const path = join(tmp, "long.log");
    writeFileSync(path, ["MESSAGE sip:b@example.com SIP/2.0", ...HEAD, "Content-Type: text/plain", "Content-Length: 5", "", "hello", "trailing junk"].join("\n"));
    const doc = await analyze([path]);
    expect(doc.diagnostics.map((d) => d.code)).toEqual(["textlog.unparsed_line"]);
    expect(doc.messages).toHaveLength(1);
  });

  it("capture and log accept the same start lines (framing's rule: \"SIP\" in any case, RFC 3261 §7.1)", async () => {
    const path = join(tmp, "lower.log");
    writeFileSync(path, ["OPTIONS sip:b@example.com sip/2.0", ...HEAD.map((h) => h.replace("MESSAGE", "OPTIONS")), "Content-Length: 0", "", ""].join("\n"));
    const doc = await analyze([path]);
    expect(doc.messages).toHaveLength(1);
  });
});
