/**
 * Runs the real `sipta` CLI (src/cli/main.ts through tsx) as a child process, the way a user's shell does, with
 * control over how its stdout is read: all of it, only the first N bytes then close (`| head -c N`), closed before
 * anything is written, or slowly. Resolves with the exit code, what was read and the whole of stderr.
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");

export type Reader =
  | { readonly kind: "all" }
  | { readonly kind: "head"; readonly bytes: number }
  | { readonly kind: "closed" }
  | { readonly kind: "slow"; readonly everyMs: number };

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly out: Buffer;
  readonly err: string;
}

/** The environment without colour or locale settings of the machine running the tests, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const drop = new Set(["NO_COLOR", "FORCE_COLOR", "LC_ALL", "LC_MESSAGES", "NODE_OPTIONS"]);
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !drop.has(k)));
  return { ...env, LANG: "C", ...extra };
}

export function runCli(args: readonly string[], reader: Reader = { kind: "all" }, env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { cwd: ROOT, env: cleanEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let outBytes = 0;
    const err: Buffer[] = [];
    child.stderr.on("data", (c: Buffer) => err.push(c));
    const stdout = child.stdout;
    if (reader.kind === "closed") stdout.destroy();
    else if (reader.kind === "head") {
      stdout.on("data", (c: Buffer) => {
        if (outBytes >= reader.bytes) return;
        out.push(c.subarray(0, reader.bytes - outBytes));
        outBytes += Math.min(c.length, reader.bytes - outBytes);
        if (outBytes >= reader.bytes) stdout.destroy();
      });
    } else if (reader.kind === "slow") {
      // Read one chunk, then pause: the child's writes back up and wait for "drain" again and again.
      stdout.on("data", (c: Buffer) => {
        out.push(c);
        stdout.pause();
        setTimeout(() => stdout.resume(), reader.everyMs);
      });
    } else stdout.on("data", (c: Buffer) => out.push(c));
    child.on("error", fail);
    child.on("close", (code, signal) => {
      done({ code, signal, out: Buffer.concat(out), err: Buffer.concat(err).toString("utf8") });
    });
  });
}
