#!/usr/bin/env bash
# Prints the SIP messages of each SIPp fixture capture, one line each, as tcpdump sees them:
#   frame  time  src > dst  start-line  | CSeq | Call-ID
# so a reader can check fixtures/sipp/*/README.md without sipta. Frame numbers are 1-based, counting
# every packet in the file (as Wireshark numbers frames), TCP handshakes and ACKs included.
#
# Usage: scripts/sipp/verify.sh [capture-file-or-scenario-folder...]   (default: fixtures/sipp/*/)
# Needs only tcpdump (it reads pcap and pcapng). The start line is found by content; inside a
# message, Content-Length says how much body to skip, so a message/sipfrag body ("SIP/2.0 200 OK")
# is not taken for a response. tcpdump -A drops CR, so body bytes are counted as line + CRLF.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
command -v tcpdump >/dev/null || { echo "verify.sh: tcpdump not found (apt-get install -y tcpdump)" >&2; exit 1; }

list_sip() {
  tcpdump -r "$1" -nn -A -tttt 2>/dev/null | awk '
    function flush() {
      if (start != "") printf "%5d  %s  %-38s %-58s | %s | %s\n", frame, stamp, path, start, cseq, callid
      start = ""; cseq = ""; callid = ""
    }
    function begin_message(line,   m) {
      if (match(line, /(SIP\/2\.0 [0-9][0-9][0-9]( .*)?|(INVITE|ACK|BYE|CANCEL|REGISTER|OPTIONS|PRACK|SUBSCRIBE|NOTIFY|PUBLISH|INFO|REFER|MESSAGE|UPDATE) [a-zA-Z][a-zA-Z0-9+.-]*:[^ ]* SIP\/2\.0)$/)) {
        flush()
        start = substr(line, RSTART, RLENGTH); state = "headers"; clen = 0; startframe = frame
        return 1
      }
      return 0
    }
    # A packet line: date, time, [interface direction (any / SLL2)], IP or IP6, src > dst.
    /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]+ / {
      flush()
      frame++; stamp = $2
      for (i = 3; i <= NF && $i != "IP" && $i != "IP6"; i++) ;
      path = $(i + 1) " > " $(i + 3); sub(/:$/, "", path)
      state = "seek"
      next
    }
    state == "seek"    { begin_message($0); next }
    state == "between" { if ($0 != "") begin_message($0); next }
    state == "headers" {
      if ($0 == "") {
        if (clen > 0) { state = "body"; remaining = clen } else state = "between"
        next
      }
      if (tolower($0) ~ /^(content-length|l)[ \t]*:/) { v = $0; sub(/^[^:]*:[ \t]*/, "", v); clen = v + 0 }
      else if (tolower($0) ~ /^cseq[ \t]*:/) { v = $0; sub(/^[^:]*:[ \t]*/, "", v); cseq = v }
      else if (tolower($0) ~ /^(call-id|i)[ \t]*:/) { v = $0; sub(/^[^:]*:[ \t]*/, "", v); callid = v }
      next
    }
    state == "body" {
      remaining -= length($0) + 2
      if (remaining <= 0) state = "between"
      next
    }
    END { flush(); printf "(%d frames)\n", frame }
  '
}

targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then targets=("$ROOT"/fixtures/sipp/*/); fi
for t in "${targets[@]}"; do
  t=${t%/}
  if [[ -d "$t" ]]; then
    for f in "$t"/*.pcap "$t"/*.pcapng; do
      [[ -e "$f" ]] || continue
      echo "== ${f#"$ROOT"/}"
      list_sip "$f"
    done
  else
    echo "== $t"
    list_sip "$t"
  fi
done
