/**
 * The shape every locale must fill: headings, class names, page templates and small words used by the
 * contextual texts. A locale that misses a key does not type-check.
 */
import type { CodeClassId } from "../types.js";

export interface ClassWords {
  /** "Success", "Client Failure" ... */
  readonly name: string;
  /** What the class tells the client (RFC 3261 §7.2, §8.1.3). */
  readonly summary: string;
  /** Completes "a server answers 430 ..." in compare pages. */
  readonly use: string;
}

export interface Headings {
  readonly description: string;
  readonly whenYouSeeIt: string;
  readonly howToFix: string;
  readonly keyDifference: string;
  readonly whenToUseWhich: string;
  readonly reference: string;
  readonly seeAlso: string;
  readonly responseClass: string;
  readonly reasonPhrase: string;
  readonly notice: string;
  readonly summary: string;
  readonly explanation: string;
  readonly nextSteps: string;
}

export interface UiStrings {
  readonly headings: Headings;
  readonly classes: Readonly<Record<CodeClassId, ClassWords>>;
  /** For 7xx-9xx: no such class in SIP. */
  readonly noClass: ClassWords;
  readonly deprecated: string;
  /** "RFC 5626 §11.5" / "RFC 6228". */
  formatRef(rfc: number, section: string | null): string;
  /** "SIP 430 Flow Failed". */
  codeTitle(code: number, reason: string | null): string;
  /** "2xx Success". */
  className(cls: ClassWords, id: CodeClassId | null): string;

  // Pages for codes outside the registry.
  unregisteredNotice(code: number): string;
  unregisteredDescription(code: number, x00: string, classSummary: string, provisional: boolean): string;
  unregisteredWhen: readonly string[];
  unregisteredFix(x00: string): readonly string[];
  invalidClassDescription(code: number): string;
  invalidClassWhen: readonly string[];
  invalidClassFix: readonly string[];

  // Compare pages.
  compareTitle(a: string, b: string): string;
  /** "SIP 202 (Accepted) is a 2xx Success response, while 430 (Flow Failed) is a 4xx Client Failure response." */
  classSentence(a: string, aClass: string, b: string, bClass: string, same: boolean): string;
  contrast(aDesc: string, bDesc: string): string;
  /** "A server answers 202 when it accepts the request, and 430 when ...". */
  useSentence(a: string, aUse: string, b: string, bUse: string, same: boolean): string;
  sameRfc(rfc: string): string;
  meetLine(code: number, cause: string): string;
  doLine(codeWithReason: string, steps: readonly string[]): string;
  /** "202 (Accepted)". */
  codeWithReason(code: number, reason: string | null): string;

  // Small words for contextual texts.
  duration(ms: number): string;
  /** Joins a list for prose: "a, b and c". */
  list(items: readonly string[]): string;
  /** Text used when a value is missing from the trace ("unknown"). */
  unknown: string;
  /** Wraps a quoted capture value. */
  quote(text: string): string;
}
