/** `npm run bench`: measurements, not tests. Each section prints what it measured. */
import { existsSync } from "node:fs";
import { benchParser } from "./parser.js";

console.log(`sipta bench — node ${process.version}, ${process.platform}/${process.arch}`);
benchParser();
const captureBench = new URL("./capture.js", import.meta.url);
if (existsSync(captureBench)) {
  const mod = (await import(captureBench.href)) as { benchCapture?: () => Promise<void> };
  if (mod.benchCapture) await mod.benchCapture();
} else {
  console.log("\n(capture throughput bench not present yet)");
}
