/**
 * The call browser's state and what each key does to it, as a pure function (tested without a terminal):
 * call list → ladder → message, `/` search, `f` outcome filters, `n`/`p` along a transfer's or redirect's linked
 * legs, `L` all legs in one ladder, `?` help, Esc back, `q` quit.
 */
import { OUTCOME_FILTERS, type OutcomeFilter } from "./browse-data.js";

export type Screen = "calls" | "ladder" | "message";

export interface TuiState {
  readonly screen: Screen;
  readonly help: boolean;
  readonly filter: OutcomeFilter;
  readonly query: string;
  readonly editing: boolean;
  readonly callCursor: number;
  /** The Call-ID whose ladder is open. */
  readonly callId: string | null;
  readonly linked: boolean;
  readonly rowCursor: number;
  readonly messageScroll: number;
  readonly quit: boolean;
}

export const INITIAL_STATE: TuiState = { screen: "calls", help: false, filter: "all", query: "", editing: false, callCursor: 0, callId: null, linked: false, rowCursor: 0, messageScroll: 0, quit: false };

/** The keys the browser reads (a subset of ink's Key, so tests can build them). */
export interface KeyPress {
  readonly input: string;
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly pageUp?: boolean;
  readonly pageDown?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
  readonly tab?: boolean;
  readonly ctrl?: boolean;
}

/** What the reducer needs to know about the data on screen. */
export interface ScreenFacts {
  readonly visibleCallIds: readonly string[];
  readonly ladderRows: number;
  readonly legs: readonly string[];
  readonly page: number;
}

function clamp(v: number, n: number): number {
  return Math.max(0, Math.min(v, n - 1));
}

function move(key: KeyPress, cursor: number, n: number, page: number): number {
  if (key.upArrow === true || key.input === "k") return clamp(cursor - 1, n);
  if (key.downArrow === true || key.input === "j") return clamp(cursor + 1, n);
  if (key.pageUp === true) return clamp(cursor - page, n);
  if (key.pageDown === true || key.input === " ") return clamp(cursor + page, n);
  if (key.input === "g") return 0;
  if (key.input === "G") return Math.max(0, n - 1);
  return cursor;
}

function editQuery(state: TuiState, key: KeyPress): TuiState {
  if (key.return === true || key.escape === true) return { ...state, editing: false, query: key.escape === true ? "" : state.query, callCursor: 0 };
  if (key.backspace === true || key.delete === true) return { ...state, query: state.query.slice(0, -1), callCursor: 0 };
  if (key.ctrl === true || key.input.length === 0) return state;
  return { ...state, query: state.query + key.input, callCursor: 0 };
}

export function reduce(state: TuiState, key: KeyPress, facts: ScreenFacts): TuiState {
  if (state.editing) return editQuery(state, key);
  if (state.help) return key.input === "q" ? { ...state, quit: true } : { ...state, help: false };
  if (key.input === "?") return { ...state, help: true };
  if (key.input === "q" || (key.ctrl === true && key.input === "c")) return { ...state, quit: true };
  switch (state.screen) {
    case "calls": {
      if (key.input === "/") return { ...state, editing: true, query: "" };
      if (key.input === "f") return { ...state, filter: OUTCOME_FILTERS[(OUTCOME_FILTERS.indexOf(state.filter) + 1) % OUTCOME_FILTERS.length] ?? "all", callCursor: 0 };
      if (key.escape === true) return { ...state, query: "", filter: "all", callCursor: 0 };
      if (key.return === true) {
        const id = facts.visibleCallIds[state.callCursor];
        return id === undefined ? state : { ...state, screen: "ladder", callId: id, rowCursor: 0 };
      }
      return { ...state, callCursor: move(key, state.callCursor, facts.visibleCallIds.length, facts.page) };
    }
    case "ladder": {
      if (key.escape === true || key.backspace === true || key.input === "h") return { ...state, screen: "calls" };
      if (key.return === true) return facts.ladderRows > 0 ? { ...state, screen: "message", messageScroll: 0 } : state;
      if (key.input === "L") return { ...state, linked: !state.linked, rowCursor: 0 };
      if (key.input === "n" || key.input === "p" || key.tab === true) {
        const i = facts.legs.indexOf(state.callId ?? "");
        const step = key.input === "p" ? -1 : 1;
        const next = facts.legs.length > 1 ? facts.legs[(i + step + facts.legs.length) % facts.legs.length] : undefined;
        return next === undefined ? state : { ...state, callId: next, rowCursor: 0, linked: false };
      }
      return { ...state, rowCursor: move(key, state.rowCursor, facts.ladderRows, facts.page) };
    }
    case "message": {
      if (key.escape === true || key.backspace === true || key.input === "h") return { ...state, screen: "ladder" };
      if (key.input === "n" || key.input === "p") {
        const rowCursor = clamp(state.rowCursor + (key.input === "n" ? 1 : -1), facts.ladderRows);
        return { ...state, rowCursor, messageScroll: 0 };
      }
      return { ...state, messageScroll: Math.max(0, move(key, state.messageScroll, Number.MAX_SAFE_INTEGER, facts.page)) };
    }
  }
}
