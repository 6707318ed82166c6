/**
 * `npm run bench [-- FILE...]`: measurements, not tests. Each section prints what it measured.
 * Default: sipta against tshark on the reference captures (or the FILEs given), see reference.ts.
 * `--micro` adds the older parser and capture-throughput benches (they generate their own ~1 GB files).
 */
import { existsSync } from "node:fs";
import { benchParser } from "./parser.js";
import { benchReference } from "./reference.js";

const args = process.argv.slice(2);
const micro = args.includes("--micro");
const files = args.filter((a) => a !== "--micro");

console.log(`sipta bench — node ${process.version}, ${process.platform}/${process.arch}`);
benchReference(files);
if (micro) {
  benchParser();
  const captureBench = new URL("./capture.js", import.meta.url);
  if (existsSync(captureBench)) {
    const mod = (await import(captureBench.href)) as { benchCapture?: () => Promise<void> };
    if (mod.benchCapture) await mod.benchCapture();
  }
}
