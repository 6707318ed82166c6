/**
 * Ladders for the report's worst calls. The store keeps no messages by default, so each call's file is read
 * again (once per file, in rank order) when it is still there and not too large; otherwise the report says
 * why there is no ladder. Capture text in the SVG is escaped by the ladder renderer.
 */
import { stat } from "node:fs/promises";
import { analyze } from "../pipeline/analyze.js";
import { renderLadderSvg } from "../render/ladder-svg.js";
import type { BatchReport } from "./report-data.js";

/** Files re-read for ladders are held whole (the document form), so big ones are left out. */
const MAX_BYTES = 64 * 1024 * 1024;

export type WorstLadder = { readonly svg: string } | { readonly missing: string };

export async function drawWorstLadders(report: BatchReport): Promise<ReadonlyMap<number, WorstLadder>> {
  const out = new Map<number, WorstLadder>();
  const byPath = new Map<string, number[]>();
  for (const w of report.worstCalls) byPath.set(w.path, [...(byPath.get(w.path) ?? []), w.rank]);
  for (const [path, ranks] of byPath) {
    let why: string | null = null;
    try {
      const st = await stat(path);
      if (st.size > MAX_BYTES) why = `file larger than ${MAX_BYTES / 1024 / 1024} MiB; run sipta flow on it`;
    } catch {
      why = "file no longer readable";
    }
    if (why !== null) {
      for (const r of ranks) out.set(r, { missing: why });
      continue;
    }
    try {
      const doc = await analyze([path]);
      for (const r of ranks) {
        const call = report.worstCalls[r - 1];
        if (call === undefined) continue;
        const found = doc.calls.some((c) => c.callId === call.callId);
        out.set(r, found ? { svg: renderLadderSvg(doc, [call.callId], { standalone: false }) } : { missing: "call not found when the file was read again (changed since it was stored?)" });
      }
    } catch (e) {
      for (const r of ranks) out.set(r, { missing: `file could not be read again: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return out;
}
