/**
 * Types of the knowledge base: the response-code catalogue (typed data, every locale required), the pages
 * `sipta explain` / `sipta compare` render, and the contextual texts of annotations.
 * The mapped types over Lang make a missing locale or field a type error, not a runtime surprise.
 */
import type { Lang } from "../model/document.js";
import type {
  AcceptedDetails,
  ChallengeDetails,
  FlowAnnotationDetails,
  GenericDetails,
  RedirectDetails,
  ReferDetails,
} from "../model/document.js";
import type { AcceptedOutcome, ChallengeOutcome, FlowOutcome, GenericOutcome, RedirectOutcome, ReferOutcome } from "../model/outcomes.js";

export type { Lang } from "../model/document.js";

export const LANGS = ["en", "vi", "zh"] as const satisfies readonly Lang[];

/** The six response classes of RFC 3261 §7.2 / §21. */
export type CodeClassId = "1xx" | "2xx" | "3xx" | "4xx" | "5xx" | "6xx";

/** A reference into an RFC; section is null when the whole document applies. */
export interface RfcRef {
  readonly rfc: number;
  readonly section: string | null;
}

/** The words for one code in one language. */
export interface CodeTexts {
  /** What the code means, from its defining RFC. */
  readonly description: string;
  /** Typical real-world causes, most common first. */
  readonly whenYouSeeIt: readonly string[];
  /** Next steps, in the order an engineer should take them. */
  readonly howToFix: readonly string[];
  /**
   * Who sends this code, to whom, and when, where the class sentence would mislead (knowledge audit T10: 430 is
   * no "faulty request", it goes from an edge proxy to the authoritative proxy). Compare pages prefer it.
   */
  readonly whoSends?: string;
}

/** One catalogue entry as written in catalogue/*.ts. */
export interface CodeData {
  readonly code: number;
  /** Canonical reason phrase (IANA registry; on the wire the phrase is free text, RFC 3261 §7.2). */
  readonly reason: string;
  /** Defining document and section. */
  readonly ref: RfcRef;
  /** Other documents that shape how the code is used today. */
  readonly seeAlso?: readonly RfcRef[];
  /** The IANA registry marks the code deprecated (202). */
  readonly deprecated?: true;
  readonly texts: Readonly<Record<Lang, CodeTexts>>;
}

/** A catalogue entry as the API returns it: class derived from the code, optional fields normalised. */
export interface CodeEntry {
  readonly code: number;
  readonly reason: string;
  readonly cls: CodeClassId;
  readonly ref: RfcRef;
  readonly seeAlso: readonly RfcRef[];
  readonly deprecated: boolean;
  readonly texts: Readonly<Record<Lang, CodeTexts>>;
}

export interface ClassInfo {
  /** null for 7xx-9xx: RFC 3261 defines no such class. */
  readonly id: CodeClassId | null;
  readonly name: string;
  readonly summary: string;
}

/** One code's page (`sipta explain`). */
export interface CodePage {
  readonly kind: "code";
  readonly lang: Lang;
  readonly code: number;
  readonly registered: boolean;
  readonly reason: string | null;
  readonly deprecated: boolean;
  readonly title: string;
  readonly cls: ClassInfo;
  /** "RFC 5626 §11.5"; for unregistered codes the class's section of RFC 3261. */
  readonly reference: string | null;
  readonly seeAlso: readonly string[];
  /** Set for unregistered codes: why the page is class-based. */
  readonly notice: string | null;
  readonly description: string;
  readonly whenYouSeeIt: readonly string[];
  readonly howToFix: readonly string[];
}

/** Two codes side by side (`sipta compare`), in the structure of the client's seed pages. */
export interface ComparePage {
  readonly kind: "compare";
  readonly lang: Lang;
  readonly title: string;
  /** Class difference and both meanings in one paragraph. */
  readonly intro: string;
  readonly a: CodePage;
  readonly b: CodePage;
  readonly keyDifference: readonly string[];
  readonly whenToUseWhich: readonly string[];
}

/**
 * What the annotator knows about the response being annotated and how to name other messages.
 * Labels and times come from the pipeline's numbering; this stage only formats them.
 */
export interface MessageContext {
  /** Human label of a message, e.g. "#41 (frame 57)". */
  label(index: number): string;
  /** Capture time of a message in µs since the epoch, or null when the source gave none. */
  timeUs(index: number): number | null;
  readonly code: number;
  /** Reason phrase on the wire (hostile text). */
  readonly reason: string | null;
  /** The method of the request this response answers. */
  readonly method: string | null;
  readonly responseTimeUs: number | null;
}

export type AnnotationTextInput =
  | { readonly kind: "refer"; readonly outcome: ReferOutcome; readonly code: number; readonly details: ReferDetails; readonly ctx: MessageContext }
  | { readonly kind: "redirect"; readonly outcome: RedirectOutcome; readonly code: number; readonly details: RedirectDetails; readonly ctx: MessageContext }
  | { readonly kind: "flow"; readonly outcome: FlowOutcome; readonly code: number; readonly details: FlowAnnotationDetails; readonly ctx: MessageContext }
  | { readonly kind: "accepted"; readonly outcome: AcceptedOutcome; readonly code: number; readonly details: AcceptedDetails; readonly ctx: MessageContext }
  | { readonly kind: "challenge"; readonly outcome: ChallengeOutcome; readonly code: number; readonly details: ChallengeDetails; readonly ctx: MessageContext }
  | { readonly kind: "generic"; readonly outcome: GenericOutcome; readonly code: number; readonly details: GenericDetails; readonly ctx: MessageContext };

export interface AnnotationText {
  readonly summary: string;
  readonly explanation: string;
  readonly nextSteps: readonly string[];
}
