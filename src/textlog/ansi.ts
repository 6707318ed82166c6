/** ANSI escape handling: console captures (fs_cli, baresip, asterisk -r) colour their output. */

// CSI sequences (ESC [ params letter) and the two-byte ESC forms terminals use.
const ANSI_RE = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  return text.includes("\x1b") ? text.replace(ANSI_RE, "") : text;
}
