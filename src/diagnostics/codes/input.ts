/** Diagnostic codes raised by the input stage, each with the one-line explanation the reference is generated from. */
import type { CodeSpec } from "../code-spec.js";

export const INPUT_CODES = [
  { code: "input.unrecognized_format", severity: "error", doc: "The file is neither pcap, pcapng, gzip nor a recognised text log." },
  { code: "input.unreadable", severity: "error", doc: "The input could not be opened (permission denied, no such file, not a regular file); the other inputs are still read." },
  { code: "input.skipped", severity: "warning", doc: "An entry of a walked folder was not read: a broken symbolic link, a socket, FIFO or device, or a subfolder that cannot be listed." },
  { code: "input.read_damaged", severity: "error", doc: "Reading stopped early (corrupt or truncated gzip, read error); what was read before is analysed." },
  { code: "pcap.bad_header", severity: "error", doc: "The pcap global header is cut short or has an unsupported version; nothing can be read." },
  { code: "pcap.impossible_caplen", severity: "error", doc: "A record's captured length is larger than the snapshot length or 256 KiB, or than its original length; reading resumes at the next plausible record, if any." },
  { code: "pcap.truncated_record", severity: "warning", doc: "The file ends in the middle of a record (an interrupted capture); every earlier record is used." },
  { code: "pcap.resynchronised", severity: "warning", doc: "After a damaged record, reading resumed at a later offset where records look valid again; bytes in between were skipped." },
  { code: "pcapng.bad_header", severity: "error", doc: "The file ends inside its first pcapng Section Header Block; nothing can be read." },
  { code: "pcapng.bad_block_length", severity: "error", doc: "A pcapng block length is not a multiple of 4, is too small, or disagrees with its trailing copy; reading resumes at the next section header, if any." },
  { code: "pcapng.truncated_block", severity: "warning", doc: "The file ends in the middle of a pcapng block; every earlier block is used." },
  { code: "pcapng.unknown_interface", severity: "error", doc: "A packet block names an interface with no Interface Description Block; the packet is skipped." },
  { code: "pcapng.malformed_block", severity: "warning", doc: "A pcapng block is too short for its type's fields; it is skipped." },
  { code: "pcapng.timestamp_out_of_range", severity: "warning", doc: "A packet's timestamp (ts_hi/ts_lo in its interface's if_tsresol, plus if_tsoffset) lies outside the dates sipta can represent exactly (about 1685-2255); the frame keeps the previous frame's time. The first such frame is named; a count follows at the end." },
  { code: "pcapng.skipped_blocks", severity: "info", doc: "Blocks that carry no packets (name resolution, statistics, secrets, custom, unknown types) were skipped; the count is given." },
  { code: "pcap.snaplen_truncated", severity: "info", doc: "Packets were stored shorter than they were on the wire (snapshot length); SIP messages in them may be cut short." },
] as const satisfies readonly CodeSpec[];
