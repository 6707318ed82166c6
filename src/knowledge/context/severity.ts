/** How serious each outcome is in reports (drives colours and --fail-on). */
import type { AnnotationKind, OutcomeByKind, Severity } from "../../model/outcomes.js";

const SEVERITY: { readonly [K in AnnotationKind]: Readonly<Record<OutcomeByKind[K], Severity>> } = {
  refer: {
    "transfer-succeeded": "ok",
    "transfer-failed": "error",
    "transfer-pending": "warning",
    // RFC 3515 requires NOTIFYs after an accepted REFER: their absence leaves the transferor blind.
    "no-notify": "error",
    "no-subscription": "info",
    unknown: "info",
    "refer-rejected": "error",
  },
  redirect: { followed: "info", "not-followed": "warning", loop: "error", "no-contact": "error" },
  flow: { recovered: "info", "flow-not-restored": "warning", "request-lost": "error", "first-hop-lacks-outbound": "error" },
  accepted: { "accepted-deprecated": "info" },
  // A challenge answered with credentials is routine; one never answered or refused again stops the request.
  challenge: { answered: "ok", unanswered: "warning", "rejected-again": "error" },
  generic: { seen: "info" },
};

export function severityOf<K extends AnnotationKind>(kind: K, outcome: OutcomeByKind[K]): Severity {
  return SEVERITY[kind][outcome];
}
