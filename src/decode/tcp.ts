/** TCP header decoding (RFC 9293 §3.1) into a reusable object: no allocation per packet. */

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_ACK = 0x10;

export interface TcpHeader {
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  flags: number;
  payloadOff: number;
  payloadEnd: number;
}

export function newTcpHeader(): TcpHeader {
  return { srcPort: 0, dstPort: 0, seq: 0, ack: 0, flags: 0, payloadOff: 0, payloadEnd: 0 };
}

export function decodeTcp(b: Buffer, off: number, end: number, t: TcpHeader): string | null {
  if (end - off < 20) return `TCP header cut short (${end - off} of 20 bytes)`;
  const dataOff = ((b[off + 12] ?? 0) >> 4) * 4;
  if (dataOff < 20) return `TCP data offset ${dataOff} < 20`;
  if (off + dataOff > end) return `TCP header with options cut short (${end - off} of ${dataOff} bytes)`;
  t.srcPort = b.readUInt16BE(off);
  t.dstPort = b.readUInt16BE(off + 2);
  t.seq = b.readUInt32BE(off + 4);
  t.ack = b.readUInt32BE(off + 8);
  t.flags = b[off + 13] ?? 0;
  t.payloadOff = off + dataOff;
  t.payloadEnd = end;
  return null;
}
