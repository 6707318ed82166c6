/**
 * The format each input was read as, in the JSON `files[]` and the text report header (issue 11 item 2): the
 * capture format, the text-log format detected from content (or read behind a line prefix), `text` when none.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/pipeline/analyze.js";
import { renderTextReport } from "../../src/render/report-text.js";

const F = resolve(import.meta.dirname, "../../fixtures");

describe("files[].format", () => {
  it.each([
    ["textlog/ngrep-byline/basic.log", "ngrep-byline"],
    ["textlog/asterisk-pjsip/basic.log", "asterisk-pjsip"],
    ["textlog/prefixed/raw-sip-syslog.log", "raw-sip"],
    ["textlog/prefixed/sofia-session-uuid.log", "freeswitch-sofia"],
    ["captures/sctp-sip-i.pcapng", "pcapng"],
  ])("%s is read as %s, in the JSON document and the report header", async (path, format) => {
    const doc = await analyze([resolve(F, path)]);
    expect(doc.files.map((f) => f.format)).toEqual([format]);
    expect(renderTextReport(doc, { width: 120, color: false, onlyAnnotated: false }).split("\n").slice(0, 3).join("\n")).toContain(`${format}, ${doc.messages.length} messages`);
  });
});
