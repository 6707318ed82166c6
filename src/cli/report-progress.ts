/**
 * `sipta report` progress on stderr, only when stderr is a terminal: one bar for the whole batch (files done of
 * all) and one per worker slot for the file it is reading (bytes of its size). File names are capture-adjacent
 * text from the file system: made visible-safe before they reach the terminal. Display only: wall clock.
 */
import { statSync } from "node:fs";
import { basename } from "node:path";
import { MultiBar, Presets, type SingleBar } from "cli-progress";
import { escapeVisible } from "../render/escape-visible.js";
import type { IngestProgress } from "../report/ingest.js";

function label(path: string): string {
  const name = escapeVisible(basename(path));
  return name.length > 32 ? `…${name.slice(-31)}` : name.padEnd(32);
}

export function reportProgress(stream: NodeJS.WriteStream = process.stderr): IngestProgress | null {
  if ((stream.isTTY as boolean | undefined) !== true) return null;
  const multi = new MultiBar(
    { stream, format: "{name} |{bar}| {value}/{total} {unit}", hideCursor: true, clearOnComplete: true, autopadding: true, fps: 5 },
    Presets.shades_classic,
  );
  let overall: SingleBar | null = null;
  let done = 0;
  const slots = new Map<string, SingleBar>();
  return {
    begin(files) {
      overall = multi.create(files.length, 0, { name: "all files".padEnd(32), unit: "files" });
    },
    fileStarted(path) {
      let size = 0;
      try {
        size = statSync(path).size;
      } catch {
        size = 0;
      }
      slots.set(path, multi.create(Math.max(1, Math.round(size / 1024)), 0, { name: label(path), unit: "KiB" }));
    },
    fileBytes(path, bytes) {
      slots.get(path)?.increment(Math.round(bytes / 1024));
    },
    fileEnded(path) {
      const bar = slots.get(path);
      if (bar !== undefined) {
        multi.remove(bar);
        slots.delete(path);
      }
      done++;
      overall?.update(done);
    },
    end() {
      multi.stop();
    },
  };
}
