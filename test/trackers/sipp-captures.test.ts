/**
 * The trackers over captures of real SIP software (SIPp on loopback, fixtures/sipp/, made by
 * scripts/sipp/capture.sh): outcomes and details as each scenario's README describes the run.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/pipeline/analyze.js";

const DIR = resolve(import.meta.dirname, "../../fixtures/sipp");
const present = existsSync(join(DIR, "blind-transfer-success/capture.pcap"));
if (!present) console.warn(`SIPp captures not found under ${DIR}: skipping the tracker tests on real captures`);

async function findingsOf(name: string): Promise<Awaited<ReturnType<typeof analyze>>> {
  return analyze([join(DIR, name, "capture.pcap")]);
}

describe.skipIf(!present)("trackers on SIPp captures", () => {
  it("blind-transfer-success: the 202 is transfer-succeeded, with the new call linked", async () => {
    const doc = await findingsOf("blind-transfer-success");
    const a = doc.annotations.find((x) => x.kind === "refer");
    expect(a?.frame).toBe(7);
    expect(a?.outcome).toBe("transfer-succeeded");
    expect(a?.details).toMatchObject({ finalStatus: 200, inDialog: true, newCallStatus: 200 });
    if (a?.kind === "refer") expect(a.details.notifies.map((n) => n.status)).toEqual([100, 200]);
    const call = doc.calls.find((c) => c.links.some((l) => l.reason === "refer"));
    expect(call).toBeDefined();
  });

  it("transfer-failed-486: transfer-failed with sipfrag 486", async () => {
    const a = (await findingsOf("transfer-failed-486")).annotations.find((x) => x.kind === "refer");
    expect(a?.outcome).toBe("transfer-failed");
    expect(a?.details).toMatchObject({ finalStatus: 486, newCallStatus: 486 });
  });

  it("refer-rejected-403 and refer-no-notify (35 s of capture time)", async () => {
    expect((await findingsOf("refer-rejected-403")).annotations.find((x) => x.kind === "refer")?.outcome).toBe("refer-rejected");
    const nn = (await findingsOf("refer-no-notify")).annotations.find((x) => x.kind === "refer");
    expect(nn?.outcome).toBe("no-notify");
    expect(nn?.details).toMatchObject({ notifies: [] });
  });

  it("redirect-302-followed: Contacts by q, retry to the q=0.9 one answered 200", async () => {
    const a = (await findingsOf("redirect-302-followed")).annotations.find((x) => x.kind === "redirect");
    expect(a?.outcome).toBe("followed");
    expect(a?.details).toMatchObject({
      contacts: [
        { uri: "sip:bob@127.0.0.3:5060", q: 0.9 },
        { uri: "sip:bob@127.0.0.4:5060", q: 0.5 },
      ],
      retryUri: "sip:bob@127.0.0.3:5060",
      retryStatus: 200,
      toPreserved: true,
    });
  });

  it("outbound-430: the 430 names flow 1 (Route token), flow 2 alive, no retry, reg-id 1 back 2.7 s after its connection closed", async () => {
    const doc = await findingsOf("outbound-430");
    const a = doc.annotations.find((x) => x.kind === "flow");
    expect(a?.frame).toBe(19);
    expect(a?.outcome).toBe("request-lost");
    expect(a?.details).toMatchObject({ aor: "sip:alice@example.test", regId: 1, retriedOnOtherFlow: false, reregistered: true, otherFlows: [{ regId: 2, ua: "127.0.0.1:5072", edge: "127.0.0.3:5060" }] });
    const first = doc.flows[0];
    expect(first?.failure?.kind).toBe("connection-closed");
    expect(first?.failure?.frame).toBe(8);
    expect(first?.flowTimer).toBe(30);
    expect(first?.reregistered?.delayMs).toBeGreaterThan(2000);
    expect(first?.reregistered?.delayMs).toBeLessThan(4000);
  });
});
