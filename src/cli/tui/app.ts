/**
 * The ink (React) layer of `sipta tui`: a loading screen with a progress bar while the inputs are analysed once,
 * then the browser, which only paints the lines views.ts computes and feeds keys to state.ts's reducer. Runs in
 * any size from 80x24 up (it re-lays out on resize). ink was chosen over blessed/neo-blessed: maintained, engines
 * node >= 20 (ink 6), React state for a keyboard-driven view; blessed is unmaintained since 2015.
 */
import { createElement as h, useEffect, useMemo, useRef, useState, type ReactElement } from "react";
import { Box, Text, useApp, useInput, useStdout } from "ink";
import type { TextStyle } from "../../render/terminal.js";
import type { LoadedAnalysis } from "../load-analysis.js";
import { buildBrowseData, legsOf, visibleEntries, type BrowseData } from "./browse-data.js";
import { INITIAL_STATE, reduce, type TuiState } from "./state.js";
import { callListLines, footer, HELP_LINES, ladderFor, ladderLines, messageLines, type Line } from "./views.js";

const COLORS: Partial<Record<TextStyle, string>> = { error: "red", warning: "yellow", info: "cyan", ok: "green" };

function paintLine(line: Line, key: number): ReactElement {
  const color = line.style === undefined ? undefined : COLORS[line.style];
  return h(Text, { key, wrap: "truncate", inverse: line.inverse === true, bold: line.style === "bold", dimColor: line.style === "dim", ...(color === undefined ? {} : { color }) }, line.text === "" ? " " : line.text);
}

function useSize(): { width: number; height: number } {
  const { stdout } = useStdout();
  const [size, setSize] = useState({ width: stdout.columns || 80, height: stdout.rows || 24 });
  useEffect(() => {
    const onResize = (): void => {
      setSize({ width: stdout.columns || 80, height: stdout.rows || 24 });
    };
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  }, [stdout]);
  return size;
}

function Browser(props: { readonly data: BrowseData; readonly loaded: LoadedAnalysis; readonly notice: string }): ReactElement {
  const { data, loaded } = props;
  const { exit } = useApp();
  const { width, height } = useSize();
  const [state, setState] = useState<TuiState>(INITIAL_STATE);
  // Keys can arrive faster than renders (paste, tmux send-keys): each one is applied to the latest state.
  const latest = useRef<TuiState>(INITIAL_STATE);
  const visible = useMemo(() => visibleEntries(data, state.filter, state.query), [data, state.filter, state.query]);
  const ladder = useMemo(() => ladderFor(data, state), [data, state.callId, state.linked]);
  const legs = useMemo(() => (state.callId === null ? [] : legsOf(data, state.callId)), [data, state.callId]);
  const body = height - 1;
  useInput((input, key) => {
    const s = latest.current;
    const facts = {
      visibleCallIds: s.screen === "calls" ? visibleEntries(data, s.filter, s.query).map((e) => e.call.callId) : [],
      ladderRows: s.screen === "calls" ? 0 : ladderFor(data, s).rows.length,
      legs: s.callId === null ? [] : legsOf(data, s.callId),
      page: Math.max(1, body - 3),
    };
    const next = reduce(s, { ...key, input }, facts);
    latest.current = next;
    if (next.quit) exit();
    else setState(next);
  });
  let lines: Line[];
  if (state.help) lines = HELP_LINES.map((text, i) => ({ text, style: i === 0 ? "bold" : "plain" }));
  else if (state.screen === "calls") lines = callListLines(data, visible, state, width, body);
  else if (state.screen === "ladder") lines = ladderLines(data, ladder, state, legs, width, body);
  else lines = messageLines(data, ladder, state, (i) => loaded.raw.get(i), width, body);
  const shown = lines.slice(0, body);
  while (shown.length < body) shown.push({ text: "" });
  const foot = props.notice === "" ? footer(state) : `${footer(state)} · ${props.notice}`;
  return h(Box, { flexDirection: "column", width, height }, ...shown.map(paintLine), paintLine({ text: foot, style: "dim" }, -1));
}

function bar(done: number, total: number | null, width: number): string {
  if (total === null || total <= 0) return `${(done / 1e6).toFixed(1)} MB read`;
  const w = Math.max(10, width - 30);
  const f = Math.min(1, done / total);
  const full = Math.round(w * f);
  return `[${"█".repeat(full)}${"░".repeat(w - full)}] ${Math.floor(f * 100)}% of ${(total / 1e6).toFixed(1)} MB`;
}

export interface TuiProps {
  readonly title: string;
  readonly total: number | null;
  /** Starts the one analysis; reports bytes read. */
  readonly load: (onBytes: (n: number) => void) => Promise<LoadedAnalysis>;
}

export function TuiApp(props: TuiProps): ReactElement {
  const { width } = useSize();
  const { exit } = useApp();
  const [bytes, setBytes] = useState(0);
  const [loaded, setLoaded] = useState<{ loaded: LoadedAnalysis; data: BrowseData } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let read = 0;
    let last = 0;
    props.load((n) => {
      read += n;
      const now = Date.now();
      if (now - last > 100) {
        last = now;
        setBytes(read);
      }
    }).then(
      (l) => {
        setLoaded({ loaded: l, data: buildBrowseData(l.doc) });
      },
      (e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  }, []);
  useInput((input) => {
    if (loaded === null && (input === "q" || error !== null)) exit(error === null ? undefined : new Error(error));
  });
  if (error !== null) return h(Text, { color: "red" }, `sipta: ${error} (any key quits)`);
  if (loaded === null) return h(Box, { flexDirection: "column" }, h(Text, { bold: true }, `sipta tui · loading ${props.title}`), h(Text, {}, bar(bytes, props.total, width)), h(Text, { dimColor: true }, "analysed once, then browsing is instant · q quits"));
  const d = loaded.loaded.doc.summary.diagnostics;
  const count = Object.values(d).reduce((a, b) => a + b, 0);
  return h(Browser, { data: loaded.data, loaded: loaded.loaded, notice: count === 0 ? "" : `${count} diagnostic(s): sipta calls F shows them` });
}
