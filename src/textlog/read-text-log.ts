/**
 * The text-log reader: byte chunks in, framed SIP messages (SipPayload, carrier "log") out, streaming. The format
 * is detected from the first lines unless given; memory is bounded by the line cap, the per-message cap and the
 * detection window, never by file size.
 */
import type { DiagnosticSink } from "../diagnostics/sink.js";
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import { lineRef } from "../model/origin.js";
import type { SipPayload } from "../model/trace-event.js";
import { detectReader, readerFor } from "./detect.js";
import type { FramedMessage } from "./frame-block.js";
import { frameBlock } from "./frame-block.js";
import { parseViaAddress } from "./infer-address.js";
import { MAX_LINE_CHARS, readLines } from "./line-reader.js";
import type { LineSource } from "./line-source.js";
import type { LinePrefix } from "./line-prefix.js";
import { describeLinePrefix, detectLinePrefix, stripLinePrefix } from "./line-prefix.js";
import { toLineSource } from "./line-source.js";
import type { LogBlock } from "./log-block.js";
import type { LineParser, ParserEnv } from "./parser-env.js";
import { isStatusLineText } from "../sip/framing-text.js";
import { missingContentLengthFact } from "../sip/framing-facts.js";
import { isBlank, topVia } from "./sip-text.js";
import type { TextLogFormat } from "./text-log-format.js";
import type { ResolvedTime } from "./time-resolver.js";
import { TimeResolver } from "./time-resolver.js";
import { UnparsedRuns } from "./unparsed-runs.js";

export interface TextLogOptions {
  /** Name used in origins and diagnostics. */
  readonly file: string;
  /** Force a format instead of detecting it. */
  readonly format?: TextLogFormat | undefined;
  /** YYYY-MM-DD for logs that print only the time of day. */
  readonly date?: string | undefined;
  /** Zone of the log's local times: "UTC", "+07:00" (default UTC). */
  readonly tz?: string | undefined;
  /** Told the format once it is known (forced or detected), for the report header and the JSON `files[]`. */
  readonly onFormat?: ((format: TextLogFormat) => void) | undefined;
}

/** Lines read before the format is decided (when no marker shows up, detection continues on a small window). */
const HEAD_LINES = 400;
const HEAD_CHARS = 256 * 1024;
const WINDOW_LINES = 4;

/**
 * Streams the SIP messages of a text log. Throws UsageError for a malformed `date`/`tz` option (before reading);
 * everything wrong with the input itself is reported to `sink`.
 */
export async function* readTextLogEvents(
  chunks: AsyncIterable<Buffer>,
  opts: TextLogOptions,
  sink: DiagnosticSink,
): AsyncGenerator<SipPayload> {
  const file = opts.file;
  const resolver = new TimeResolver({ date: opts.date, tz: opts.tz }, file, sink);
  const unparsed = new UnparsedRuns(file, sink);
  const queue: LogBlock[] = [];
  // Mutated from closures (env.report, tryDetect), hence an object rather than locals.
  const state: { parser: LineParser | null; scanning: boolean; indexOnly: boolean; prefix: LinePrefix | null } = { parser: null, scanning: false, indexOnly: false, prefix: null };
  const env: ParserEnv = {
    file,
    emit: (b) => queue.push(b),
    noise: (line, text) => {
      unparsed.add(line, text);
    },
    report: (code, line, message) => {
      if (code === "textlog.no_sip_bodies") state.indexOnly = true;
      sink.report(makeDiagnostic(code, lineRef(file, line), message));
    },
  };
  const callbacks = { report: env.report.bind(env), noise: env.noise.bind(env) };

  if (opts.format !== undefined) {
    state.parser = readerFor(opts.format).create(env);
    opts.onFormat?.(opts.format);
  }
  let head: LineSource[] = [];
  let headChars = 0;
  let messages = 0;
  let lastLine = 0;

  const tryDetect = (final: boolean): void => {
    let reader = detectReader(head.map((h) => h.text));
    if (!state.scanning) {
      // Every line may carry a prefix (syslog header, container name, session UUID): a reader may even recognise
      // its markers through it, but its frames would keep it. A bare shared token only counts when nothing else does.
      const prefix = detectLinePrefix(head.map((h) => h.text));
      if (prefix !== null && (reader === null || prefix.kind !== "token")) {
        const stripped = head.map((h) => stripLinePrefix(h, prefix));
        const inner = detectReader(stripped.map((h) => h.text));
        if (inner !== null) {
          reader = inner;
          state.prefix = prefix;
          head = stripped;
          sink.report(makeDiagnostic("textlog.line_prefix", lineRef(file, head[0]?.no ?? 1), `every line starts with ${describeLinePrefix(prefix)}, e.g. ${JSON.stringify(prefix.example.trimEnd())}: stripped before reading the log as ${inner.format}`));
        }
      }
    }
    if (reader !== null) {
      opts.onFormat?.(reader.format);
      const p = reader.create(env);
      for (const h of head) p.line(h);
      state.parser = p;
      head = [];
      return;
    }
    if (final) return;
    state.scanning = true;
    while (head.length > WINDOW_LINES) {
      const x = head.shift();
      if (x !== undefined && !isBlank(x.text)) unparsed.add(x.no, x.text);
    }
    headChars = head.reduce((n, h) => n + h.text.length, 0);
  };

  for await (const batch of readLines(chunks)) {
    for (const raw of batch) {
      lastLine = raw.no;
      if (raw.dropped > 0) {
        env.report("textlog.long_line", raw.no, `line longer than ${MAX_LINE_CHARS} bytes: ${raw.dropped} bytes dropped`);
      }
      const l = state.prefix === null ? toLineSource(raw) : stripLinePrefix(toLineSource(raw), state.prefix);
      if (state.parser !== null) {
        state.parser.line(l);
        continue;
      }
      head.push(l);
      headChars += l.text.length;
      if (state.scanning || head.length >= HEAD_LINES || headChars >= HEAD_CHARS) tryDetect(false);
    }
    for (const m of drain(queue)) {
      messages++;
      yield m;
    }
  }
  if (state.parser === null) tryDetect(true);
  const p = state.parser;
  if (p === null) {
    for (const h of head) if (!isBlank(h.text)) unparsed.add(h.no, h.text);
  } else {
    p.end();
  }
  for (const m of drain(queue)) {
    messages++;
    yield m;
  }
  unparsed.flush();
  if (messages === 0 && !state.indexOnly) {
    sink.report(makeDiagnostic("textlog.no_sip_found", lineRef(file, Math.max(lastLine, 1)), "no SIP message of a known text-log format was found"));
  }

  function* drain(q: LogBlock[]): Generator<SipPayload> {
    for (const block of q.splice(0)) {
      for (const framed of frameBlock(block, callbacks)) {
        const payload = toPayload(framed, block, file, resolver.resolve(block.time, framed.line));
        if (framed.contentLength === null && (payload.transport === "tcp" || payload.transport === "tls")) {
          const f = missingContentLengthFact(`${payload.transport.toUpperCase()} (logged)`);
          env.report(f.code, framed.line, f.message);
        }
        yield payload;
      }
    }
  }
}

function toPayload(m: FramedMessage, b: LogBlock, file: string, time: ResolvedTime): SipPayload {
  const headEnd = m.text.indexOf("\r\n\r\n");
  const headLines = (headEnd < 0 ? m.text : m.text.slice(0, headEnd)).split("\r\n");
  const startLine = headLines[0] ?? "";
  const via = topVia(headLines.slice(1));
  const v = via === null ? null : parseViaAddress(via);
  let src = b.src;
  let dst = b.dst;
  let inferred = false;
  if (v?.endpoint != null) {
    // RFC 3261 §18.2.2: a response goes back to the top Via; a request's top Via is its sender.
    if (!isStatusLineText(startLine)) {
      if (src === null) {
        src = v.endpoint;
        inferred = true;
      }
    } else if (dst === null) {
      dst = v.endpoint;
      inferred = true;
    }
  }
  return {
    kind: "sip",
    bytes: Buffer.from(m.text, "latin1"),
    origin: { file, frame: null, line: m.line, frames: [] },
    timeUs: time.timeUs,
    timePrecision: time.precision,
    src,
    dst,
    transport: b.transport !== "unknown" ? b.transport : (v?.transport ?? "unknown"),
    carrier: "log",
    addressesInferred: inferred,
    direction: b.direction,
    truncated: m.truncated,
  };
}
