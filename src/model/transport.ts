/** Transport of a SIP message as seen on the wire (or as a log states it). */
export type Transport = "udp" | "tcp" | "tls" | "ws" | "wss" | "sctp" | "unknown";

export const TRANSPORTS: readonly Transport[] = ["udp", "tcp", "tls", "ws", "wss", "sctp", "unknown"];

export function parseTransport(text: string): Transport {
  const t = text.trim().toLowerCase().replace(/6$/, ""); // pjsip prints UDP6/TCP6/TLS6
  return (TRANSPORTS as readonly string[]).includes(t) ? (t as Transport) : "unknown";
}
