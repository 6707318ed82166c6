/**
 * The library as another project uses it: the repo packed with `npm pack` (after `npm run build`), installed into a
 * temporary project with its own package.json, then used from plain JavaScript (a path string, a Buffer, a stream
 * must give the same calls) and compiled from strict TypeScript against the shipped .d.ts (skipLibCheck off).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const DEMO = join(ROOT, "fixtures/demo/transfer-and-redirect.pcap");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

function run(cmd: string, args: readonly string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
}

describe("sipta from a separate project", () => {
  it("npm pack → install → analyze(path | Buffer | stream) from JS, and a strict TS consumer compiles", () => {
    const dir = mkdtempSync(join(tmpdir(), "sipta-consumer-"));
    run(NPM, ["run", "build"], ROOT);
    run(NPM, ["pack", "--ignore-scripts", "--pack-destination", dir], ROOT);
    const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
    expect(tarball).toBeDefined();
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module", dependencies: { sipta: `file:./${tarball ?? ""}` } }));
    run(NPM, ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], dir);
    writeFileSync(
      join(dir, "use.mjs"),
      `import { analyze, renderCallsTable, explainCode } from "sipta";
import { readFileSync, createReadStream } from "node:fs";
const file = ${JSON.stringify(DEMO)};
const a = await analyze(file);
const b = await analyze(readFileSync(file));
const c = await analyze({ name: "upload.pcap", data: createReadStream(file) });
let typeError = "";
try { await analyze(42); } catch (e) { typeError = e instanceof TypeError ? e.message : "other"; }
console.log(JSON.stringify({
  calls: [a, b, c].map((d) => d.calls.map((x) => x.callId)),
  files: [a, b, c].map((d) => d.files[0].path),
  table: renderCallsTable(a).split("\\n")[0],
  explain: typeof explainCode(430, "en"),
  typeError,
}));
`,
    );
    const out = JSON.parse(run(process.execPath, ["use.mjs"], dir)) as { calls: string[][]; files: string[]; table: string; explain: string; typeError: string };
    expect(out.calls[0]).toContain("call-1@a.example");
    expect(out.calls[1]).toEqual(out.calls[0]);
    expect(out.calls[2]).toEqual(out.calls[0]);
    expect(out.files).toEqual([DEMO, "<buffer 1>", "upload.pcap"]);
    expect(out.table).toMatch(/Call-ID$/);
    expect(out.explain).toBe("object");
    expect(out.typeError).toContain("an input must be a path");
    writeFileSync(
      join(dir, "use.ts"),
      `import { analyze, type AnalysisDocument, type AnnotationRecord } from "sipta";
const doc: AnalysisDocument = await analyze("x.pcap", { lang: "vi" });
const worst: AnnotationRecord["severity"][] = doc.annotations.map((a) => a.severity);
const buffered = await analyze(Buffer.from([]));
export const n: number = worst.length + buffered.calls.length;
`,
    );
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, skipLibCheck: false, module: "nodenext", moduleResolution: "nodenext", target: "es2022", noEmit: true }, files: ["use.ts"] }));
    // The repo's own compiler; the consumer's types come only from its node_modules (sipta and what sipta depends on).
    run(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], dir);
  }, 600_000);
});
