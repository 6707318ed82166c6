#!/usr/bin/env bash
# Makes the real-software fixtures under fixtures/sipp/: each scenario runs SIPp (Debian package
# sip-tester) on loopback addresses only, captured by tcpdump on `lo`, with SIPp's own -trace_msg
# logs of the same run written next to the capture.
#
# Usage: scripts/sipp/capture.sh [scenario...]     (no argument: every scenario, in the order below)
#        scripts/sipp/capture.sh --list
#
# Needs root (tcpdump on lo), sipp and tcpdump:  apt-get install -y sip-tester tcpdump
# Every SIPp process runs with -m (call count) and -timeout, and under `timeout`, so a run always
# stops by itself. CI does not run this: the committed captures are the fixtures.
# A failed run leaves the committed fixture untouched (output is written to a temporary folder and
# moved into place only when every process exited 0 and tcpdump captured packets).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT_ROOT=${SIPP_FIXTURES_DIR:-$ROOT/fixtures/sipp}
# Upper bound, in seconds, on any single SIPp or tcpdump process (refer-no-notify needs ~40 s).
LIMIT=${SIPP_LIMIT:-60}

ALL_SCENARIOS=(
  basic-call-udp basic-call-tcp register-digest
  blind-transfer-success redirect-302-followed outbound-430
  transfer-failed-486 refer-rejected-403 refer-no-notify
)

# Loopback parties. Separate addresses keep each party on the well-known port 5060, which is what
# tshark and most tools decode as SIP without being told.
ALICE=127.0.0.1
BOB=127.0.0.2
CAROL=127.0.0.3
DAVE=127.0.0.4
PORT=5060
HOSTS_FILTER="(host $ALICE or host $BOB or host $CAROL or host $DAVE)"

# shellcheck source=lib.sh
source "$HERE/lib.sh"

# --- scenarios -----------------------------------------------------------------------------------

# 1/2. basic call; the same XML over UDP and TCP. The UDP run is also captured at nanosecond
# resolution and on the `any` pseudo-interface (Linux cooked v2 headers) by concurrent tcpdumps, and
# converted to pcapng.
basic_call() {
  local name=$1 t=$2
  begin "$name"
  local filter="$HOSTS_FILTER and port $PORT"
  start_capture out/capture.pcap "$filter"
  start_capture out/capture-nano.pcap "$filter" --time-stamp-precision=nano
  start_capture out/capture-any-sll2.pcap "$filter" any -y LINUX_SLL2
  sipp_start bob -sf "$HERE/basic-call/uas.xml" -t "$t" -i "$BOB" -p "$PORT" -m 1
  sipp_start alice "$BOB:$PORT" -sf "$HERE/basic-call/uac.xml" -t "$t" -i "$ALICE" -p "$PORT" -m 1
  sipp_wait
  stop_captures
  to_pcapng "$WORK/out/capture-nano.pcap" "$WORK/out/capture.pcapng"
  finish "$name"
}

scenario_basic-call-udp() { basic_call basic-call-udp u1; }
scenario_basic-call-tcp() { basic_call basic-call-tcp t1; }

# 3. REGISTER with a Digest challenge, over UDP.
scenario_register-digest() {
  begin register-digest
  start_capture out/capture.pcap "$HOSTS_FILTER and port $PORT"
  sipp_start registrar -sf "$HERE/register-digest/uas.xml" -t u1 -i "$BOB" -p "$PORT" -m 1
  sipp_start alice "$BOB:$PORT" -sf "$HERE/register-digest/uac.xml" -t u1 -i "$ALICE" -p "$PORT" -m 1
  sipp_wait
  stop_captures
  finish register-digest
}

# 4/5. Blind transfer in an alice-bob dialog: bob REFERs alice to carol; alice INVITEs carol under a
# new Call-ID and reports carol's answer in NOTIFY sipfrag bodies. TARGET_XML decides the outcome.
transfer() {
  local name=$1 target_xml=$2
  begin "$name"
  start_capture out/capture.pcap "$HOSTS_FILTER and port $PORT"
  sipp_start carol -sf "$HERE/transfer/$target_xml" -t u1 -i "$CAROL" -p "$PORT" -m 1
  sipp_start bob -sf "$HERE/transfer/transferor.xml" -t u1 -i "$BOB" -p "$PORT" -m 1
  sipp_start alice "$BOB:$PORT" -sf "$HERE/transfer/transferee.xml" -t u1 -i "$ALICE" -p "$PORT" -m 1
  sipp_wait
  stop_captures
  finish "$name"
}

scenario_blind-transfer-success() { transfer blind-transfer-success target-answers.xml; }
scenario_transfer-failed-486() { transfer transfer-failed-486 target-busy.xml; }

# 8. INVITE redirected by a 302 with two Contacts; the caller retries the q=0.9 one (carol's address,
# answered by the basic-call callee scenario); dave's q=0.5 address is never tried.
scenario_redirect-302-followed() {
  begin redirect-302-followed
  start_capture out/capture.pcap "$HOSTS_FILTER and port $PORT"
  sipp_start target -sf "$HERE/basic-call/uas.xml" -t u1 -i "$CAROL" -p "$PORT" -m 1
  sipp_start redirector -sf "$HERE/redirect/redirector.xml" -t u1 -i "$BOB" -p "$PORT" -m 1
  sipp_start alice "$BOB:$PORT" -sf "$HERE/redirect/caller.xml" -t u1 -i "$ALICE" -p "$PORT" -m 1
  sipp_wait
  stop_captures
  finish redirect-302-followed
}

# 9. RFC 5626 outbound: alice registers two flows over TCP (reg-id 1 to edge 127.0.0.2, reg-id 2 to
# edge 127.0.0.3); flow 1's connection closes; the home proxy (127.0.0.4) sends an INVITE over UDP to
# edge 1 routed to flow 1, answered 430 Flow Failed; alice re-registers reg-id 1 on a new TCP
# connection (same Call-ID, CSeq 2) while flow 2 is still up. Each UA flow is its own SIPp process,
# so each has its own TCP connection and local port (5071, 5072, then 5073).
scenario_outbound-430() {
  begin outbound-430
  local ob="$HERE/outbound"
  start_capture out/capture.pcap "$HOSTS_FILTER and port $PORT"
  # Edge 1 takes three REGISTERs, each its own SIPp call: flow 1, flow 1 again, its refresh.
  # -deadcall_wait: SIPp would otherwise swallow, for 33 s, a new REGISTER with a finished call's Call-ID.
  sipp_start edge1-tcp -sf "$ob/edge-registrar.xml" -t t1 -i "$BOB" -p "$PORT" -m 3 -key flow flow1 -deadcall_wait 100
  sipp_start edge1-udp -sf "$ob/edge-430.xml" -t u1 -i "$BOB" -p "$PORT" -m 1
  sipp_start edge2-tcp -sf "$ob/edge-registrar-refresh.xml" -t t1 -i "$CAROL" -p "$PORT" -m 1 -key flow flow2
  # Flow 1: registered, then its connection closes at once (the UA's SIPp exits after the 200).
  sipp_run ua-flow1 "$BOB:$PORT" -sf "$ob/ua-register.xml" -t t1 -i "$ALICE" -p 5071 -m 1 \
    -cid_str "alice-reg1@127.0.0.1" -key regid 1 -key regcseq 1
  # Flow 2: registered and kept open, refreshed on the same connection 3.5 s later.
  sipp_start ua-flow2 "$CAROL:$PORT" -sf "$ob/ua-register-refresh.xml" -t t1 -i "$ALICE" -p 5072 -m 1 \
    -cid_str "alice-reg2@127.0.0.1" -key regid 2 -key cseq1 1 -key cseq2 2 -d 3500
  sleep 1
  sipp_run proxy "$BOB:$PORT" -sf "$ob/proxy-invite.xml" -t u1 -i "$DAVE" -p "$PORT" -m 1 \
    -key contact "sip:alice@127.0.0.1:5071;transport=tcp"
  sleep 1
  # Flow 1 again: same Call-ID, CSeq 2, on a new connection from a new port; refreshed 2 s later.
  sipp_run ua-flow1-again "$BOB:$PORT" -sf "$ob/ua-register-refresh.xml" -t t1 -i "$ALICE" -p 5073 -m 1 \
    -cid_str "alice-reg1@127.0.0.1" -key regid 1 -key cseq1 2 -key cseq2 3 -d 2000
  sipp_wait
  stop_captures
  finish outbound-430
}

# 6/7. A REFER in an alice-bob dialog that leads nowhere: rejected with 403, or accepted with 202 and
# never followed by a NOTIFY while the dialog stays up for 35 s (past 64*T1 = 32 s), then BYE.
refer_in_dialog() {
  local name=$1 transferor_xml=$2 transferee_xml=$3
  begin "$name"
  start_capture out/capture.pcap "$HOSTS_FILTER and port $PORT"
  sipp_start bob -sf "$HERE/transfer/$transferor_xml" -t u1 -i "$BOB" -p "$PORT" -m 1
  sipp_start alice "$BOB:$PORT" -sf "$HERE/transfer/$transferee_xml" -t u1 -i "$ALICE" -p "$PORT" -m 1
  sipp_wait
  stop_captures
  finish "$name"
}

scenario_refer-rejected-403() { refer_in_dialog refer-rejected-403 transferor-rejected.xml transferee-rejects.xml; }
scenario_refer-no-notify() { refer_in_dialog refer-no-notify transferor-no-notify.xml transferee-silent.xml; }

# --- main ----------------------------------------------------------------------------------------

if [[ "${1:-}" == "--list" ]]; then printf '%s\n' "${ALL_SCENARIOS[@]}"; exit 0; fi
command -v sipp >/dev/null || die "sipp not found: apt-get install -y sip-tester"
command -v tcpdump >/dev/null || die "tcpdump not found: apt-get install -y tcpdump"
[[ $(id -u) -eq 0 ]] || die "tcpdump on lo needs root"

if [[ $# -eq 0 ]]; then set -- "${ALL_SCENARIOS[@]}"; fi
for s in "$@"; do
  declare -F "scenario_$s" >/dev/null || die "unknown scenario: $s (see --list)"
  "scenario_$s"
done
