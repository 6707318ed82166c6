/**
 * What the library accepts as input: a path (a file or a directory, "-" for stdin), several of them, a Buffer or
 * Uint8Array holding a capture or log, a readable stream (an upload, a socket), or `{ name, data }` to give a
 * Buffer or stream the name diagnostics and `files[]` will use. A single string is one path, never a list of
 * characters. Directories expand here; anything else is a TypeError naming what was given.
 */
import { Readable } from "node:stream";
import { expandInputs, type ExpandOptions } from "./expand-inputs.js";

export type InputData = Uint8Array | NodeJS.ReadableStream | AsyncIterable<Uint8Array>;

export type AnalysisInput = string | InputData | { readonly name: string; readonly data: InputData };

/** One input after expansion: a file path ("-": stdin) or a named stream of bytes. */
export type SourceInput = string | { readonly name: string; readonly stream: Readable };

function isData(v: unknown): v is InputData {
  if (v instanceof Uint8Array) return true;
  if (typeof v !== "object" || v === null) return false;
  return Symbol.asyncIterator in v || typeof (v as { pipe?: unknown }).pipe === "function";
}

function isNamed(v: unknown): v is { readonly name: string; readonly data: InputData } {
  return typeof v === "object" && v !== null && typeof (v as { name?: unknown }).name === "string" && isData((v as { data?: unknown }).data);
}

function toStream(data: InputData): Readable {
  if (data instanceof Uint8Array) return Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
  if (data instanceof Readable) return data;
  return Readable.from(data as AsyncIterable<Uint8Array>);
}

/** The inputs as a list, directories expanded; unnamed buffers and streams are `<buffer N>` / `<stream N>`. */
export async function resolveInputs(inputs: AnalysisInput | readonly AnalysisInput[], options: ExpandOptions = {}): Promise<SourceInput[]> {
  const list: readonly AnalysisInput[] = typeof inputs === "string" || isData(inputs) || !Array.isArray(inputs) ? [inputs as AnalysisInput] : (inputs as readonly AnalysisInput[]);
  const out: SourceInput[] = [];
  let n = 0;
  // JavaScript callers are not checked by the compiler: look at the value as unknown.
  for (const input of list as readonly unknown[]) {
    n++;
    if (typeof input === "string") out.push(...(await expandInputs([input], options)));
    else if (isData(input)) out.push({ name: input instanceof Uint8Array ? `<buffer ${n}>` : `<stream ${n}>`, stream: toStream(input) });
    else if (isNamed(input)) out.push({ name: input.name, stream: toStream(input.data) });
    else throw new TypeError(`sipta: an input must be a path, a Buffer/Uint8Array, a readable stream, or { name, data }; got ${input === null ? "null" : typeof input}`);
  }
  return out;
}

/** The name a source is reported under (`<stdin>` for "-"). */
export function labelOf(input: SourceInput): string {
  return typeof input === "string" ? (input === "-" ? "<stdin>" : input) : input.name;
}
