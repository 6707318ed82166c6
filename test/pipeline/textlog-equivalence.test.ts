/**
 * Issue 7's promise: a log is treated exactly like a capture. The same designed traffic (a transfer, a failed
 * transfer, a redirect, 430s) is written as a capture and as an Asterisk pjsip log, a FreeSWITCH siptrace (both
 * layouts) and a SIPp -trace_msg log; every response must get the same annotation kind and outcome either way.
 * Issue 4's "the same holds over TCP and UDP": the UDP scenarios are also carried over TCP streams.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyze } from "../../src/pipeline/analyze.js";
import type { AnalysisDocument } from "../../src/model/document.js";
import { parseEndpoint } from "../../src/model/endpoint.js";
import { buildScenarioCapture } from "../../scripts/fixtures/scenarios.js";
import { renderTextLog, type LogMessage, type RenderOptions } from "../../scripts/fixtures/lib/render-textlog.js";
import { T0_US } from "../helpers/sip-trace.js";
import { blindTransferFailed486, blindTransferSuccess, notifyRejected400, referNoNotify, referNoNotifyEarlyBye, transferFailedCallResumed } from "../helpers/scenarios/refer-scenarios.js";
import { redirectFollowed } from "../helpers/scenarios/redirect-scenarios.js";
import { outbound430NotRecovered, outbound430Recovered } from "../helpers/scenarios/outbound-scenarios.js";
import type { Scenario } from "../helpers/scenarios/scenario.js";

const tmp = mkdtempSync(join(tmpdir(), "sipta-equiv-"));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const SCENARIOS: readonly Scenario[] = [
  blindTransferSuccess(),
  blindTransferFailed486(),
  referNoNotify(),
  transferFailedCallResumed(),
  notifyRejected400(),
  referNoNotifyEarlyBye(),
  redirectFollowed(),
  outbound430Recovered(),
  outbound430NotRecovered(),
];

const FORMATS: readonly { readonly name: string; readonly format: Parameters<typeof renderTextLog>[0]; readonly opts: RenderOptions }[] = [
  { name: "asterisk-pjsip", format: "asterisk-pjsip", opts: { asteriskForm: "full" } },
  { name: "freeswitch-sofia 2019", format: "freeswitch-sofia", opts: { sofiaLayout: "2019" } },
  { name: "freeswitch-sofia pre-2019", format: "freeswitch-sofia", opts: { sofiaLayout: "pre-2019" } },
  { name: "sipp-trace-msg", format: "sipp-trace-msg", opts: {} },
];

function endpoint(text: string) {
  const e = parseEndpoint(text);
  if (e === null) throw new Error(text);
  return e;
}

/** The scenario's SIP messages as one host's log: the host is where the first message came from. */
function logMessages(s: Scenario): LogMessage[] {
  const sips = s.steps.filter((x) => x.kind === "sip");
  const host = sips[0]?.src;
  return sips.map((x) => ({
    timeUs: T0_US + Math.round(x.t * 1000) * 1000,
    src: endpoint(x.src),
    dst: endpoint(x.dst),
    transport: x.transport ?? s.transport,
    direction: x.src === host ? "out" : "in",
    text: x.text,
  }));
}

/** What must agree: for every response, its code, annotation kind and outcome (messages matched by position). */
function outcomes(doc: AnalysisDocument): string[] {
  return doc.annotations.map((a) => `#${a.message} ${a.code} ${a.kind}:${a.outcome}`);
}

describe.each(SCENARIOS.map((s) => [s.name, s] as const))("%s", (name, s) => {
  let fromCapture: string[] = [];

  it("capture", async () => {
    const path = join(tmp, `${name}.pcap`);
    writeFileSync(path, buildScenarioCapture(s.steps, "pcap").bytes);
    const doc = await analyze([path]);
    fromCapture = outcomes(doc);
    expect(doc.annotations.filter((a) => a.kind !== "generic").length).toBe(s.expected.length);
  });

  // The outbound scenarios are TCP already; the others are re-carried over TCP.
  if (s.transport === "udp") it("over TCP instead of UDP: same annotations", async () => {
    const steps = s.steps.map((x) => (x.kind === "sip" ? { ...x, transport: "tcp" as const, text: x.text.replace(/SIP\/2\.0\/UDP/g, "SIP/2.0/TCP") } : x));
    const path = join(tmp, `${name}.tcp.pcapng`);
    writeFileSync(path, buildScenarioCapture(steps, "pcapng").bytes);
    const doc = await analyze([path]);
    expect(doc.messages.every((m) => m.transport === "tcp")).toBe(true);
    expect(outcomes(doc)).toEqual(fromCapture);
  });

  it.each(FORMATS.map((f) => [f.name, f] as const))("as %s log: same annotations as the capture", async (fname, f) => {
    const path = join(tmp, `${name}.${fname.replace(/\W+/g, "-")}.log`);
    writeFileSync(path, renderTextLog(f.format, logMessages(s), f.opts));
    const doc = await analyze([path], { date: "2026-01-01", tz: "UTC" });
    expect(doc.messages.length).toBe(s.steps.filter((x) => x.kind === "sip").length);
    expect(outcomes(doc)).toEqual(fromCapture);
  });
});
