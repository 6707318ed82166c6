/** Text-log ingestion: the public face of src/textlog (see docs/text-logs.md). */
export type { TextLogFormat, TextLogFormatInfo } from "./text-log-format.js";
export { TEXT_LOG_FORMATS, isTextLogFormat } from "./text-log-format.js";
export { detectTextLogFormat } from "./detect.js";
export type { TextLogOptions } from "./read-text-log.js";
export { readTextLogEvents } from "./read-text-log.js";
