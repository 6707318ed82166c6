/**
 * RFC 3261 grammar validation through jssip's PEG grammar (`jssip/lib/Grammar`), the only place jssip is used.
 * jssip is a full UA stack; we use its grammar alone, and never on the hot path: `sipta lint` and `--strict`
 * call this to name every header the grammar rejects. The fast parser stays tolerant; this is the strict view.
 */
import { createRequire } from "node:module";
import type { HeaderField, SipMessage } from "./message.js";

interface JssipGrammar {
  parse(input: string, startRule: string): unknown;
}

const require = createRequire(import.meta.url);
let grammar: JssipGrammar | null = null;

function loadGrammar(): JssipGrammar {
  if (grammar === null) {
    const mod: unknown = require("jssip/lib/Grammar");
    if (typeof mod !== "object" || mod === null || typeof (mod as { parse?: unknown }).parse !== "function") {
      throw new Error("jssip/lib/Grammar does not export parse()");
    }
    grammar = mod as JssipGrammar;
  }
  return grammar;
}

/** Header (lower-case full name) → jssip grammar rule that validates one value of it. */
export const GRAMMAR_RULES: Readonly<Record<string, string>> = {
  "allow-events": "Allow_Events",
  "call-id": "Call_ID",
  contact: "Contact",
  "content-disposition": "Content_Disposition",
  "content-encoding": "Content_Encoding",
  "content-length": "Content_Length",
  "content-type": "Content_Type",
  cseq: "CSeq",
  expires: "Expires",
  event: "Event",
  from: "From",
  "max-forwards": "Max_Forwards",
  "min-expires": "Min_Expires",
  "proxy-authenticate": "Proxy_Authenticate",
  "proxy-require": "Proxy_Require",
  "record-route": "Record_Route",
  reason: "Reason",
  require: "Require",
  route: "Route",
  "subscription-state": "Subscription_State",
  subject: "Subject",
  supported: "Supported",
  to: "To",
  via: "Via",
  "www-authenticate": "WWW_Authenticate",
  "session-expires": "Session_Expires",
  "refer-to": "Refer_To",
  replaces: "Replaces",
};

export interface GrammarViolation {
  /** Header name as written, or "start-line". */
  readonly header: string;
  readonly rule: string;
  readonly value: string;
}

function accepts(g: JssipGrammar, input: string, rule: string): boolean {
  try {
    return g.parse(input, rule) !== -1;
  } catch {
    return false; // a grammar exception is a rejection too
  }
}

/** Every header of `msg` (and the start line) that jssip's RFC 3261 grammar rejects. */
export function checkGrammar(msg: SipMessage): GrammarViolation[] {
  const g = loadGrammar();
  const out: GrammarViolation[] = [];
  const buf = msg.bytes;
  let eol = buf.indexOf(0x0a);
  if (eol < 0) eol = buf.length;
  const startLine = buf.toString("utf8", 0, eol).replace(/\r$/, "");
  if (!accepts(g, startLine, "Request_Response")) out.push({ header: "start-line", rule: "Request_Response", value: startLine });
  const seen = new Set<HeaderField>();
  for (const f of msg.fields) {
    const rule = GRAMMAR_RULES[f.key];
    if (rule === undefined || seen.has(f)) continue;
    seen.add(f);
    if (!accepts(g, f.value, rule)) out.push({ header: f.name, rule, value: f.value });
  }
  return out;
}
