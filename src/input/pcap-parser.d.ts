/** Types for pcap-parser 0.2 (the package ships none): the event API the comparison reader uses. */
declare module "pcap-parser" {
  import type { EventEmitter } from "node:events";
  import type { Readable } from "node:stream";

  export interface PcapPacketHeader {
    readonly timestampSeconds: number;
    readonly timestampMicroseconds: number;
    readonly capturedLength: number;
    readonly originalLength: number;
  }

  export interface PcapGlobalHeader {
    readonly magicNumber: number;
    readonly majorVersion: number;
    readonly minorVersion: number;
    readonly snapshotLength: number;
    readonly linkLayerType: number;
  }

  export interface PcapParser extends EventEmitter {
    on(event: "globalHeader", listener: (h: PcapGlobalHeader) => void): this;
    on(event: "packet", listener: (p: { readonly header: PcapPacketHeader; readonly data: Buffer }) => void): this;
    on(event: "end", listener: () => void): this;
    on(event: "error", listener: (e: Error) => void): this;
  }

  export function parse(input: string | Readable): PcapParser;
}
