/**
 * Runs in a child process so its peak RSS is its own: reads one capture through `readTraceEvents` (the capture path) (or, with
 * `--records`, only the record readers: the hand-written one or pcap-parser) and prints one JSON line.
 */
import { createReadStream } from "node:fs";
import { CollectingSink } from "../src/diagnostics/sink.js";
import { openInput } from "../src/input/open-input.js";
import { PcapRecordReader } from "../src/input/pcap.js";
import { readPcapWithPcapParser } from "../src/input/pcap-parser-reader.js";
import { readTraceEvents } from "../src/pipeline/source.js";

const [mode = "events", file = ""] = process.argv.slice(2);
const t0 = process.hrtime.bigint();
let messages = 0;
let frames = 0;
if (mode === "events") {
  const sink = new CollectingSink();
  for await (const e of readTraceEvents(file, {}, sink, { format: "", bytes: 0 })) if (e.kind === "sip") messages++;
} else if (mode === "records") {
  const sink = new CollectingSink();
  const r = new PcapRecordReader(file, sink);
  for await (const c of openInput(file)) {
    r.push(c, () => {
      frames++;
    });
  }
  r.end(() => undefined);
} else {
  const res = await readPcapWithPcapParser(createReadStream(file, { highWaterMark: 1 << 20 }), () => {
    frames++;
  });
  frames = res.frames;
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(JSON.stringify({ mode, messages, frames, ms, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
