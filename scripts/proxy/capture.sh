#!/usr/bin/env bash
# Makes the multi-hop fixtures under fixtures/proxy/: a record-routing, transaction-stateful Kamailio
# proxy (scripts/proxy/kamailio.cfg, 127.0.0.10:5060) between SIPp parties (and, in one run, baresip
# user agents), all on loopback, captured by tcpdump on `lo`. Every message that crosses the proxy is
# on the wire twice (two hops), which is what these fixtures are for. Next to each capture: the
# parties' SIPp -trace_msg logs and the proxy's own sipdump text log of the same run.
#
# Usage: scripts/proxy/capture.sh [scenario...]     (no argument: every scenario)
#        scripts/proxy/capture.sh --list
#
# Needs root (tcpdump on lo), kamailio, sipp, tcpdump, baresip:
#   apt-get install -y kamailio kamailio-extra-modules kamailio-utils-modules sip-tester tcpdump baresip
# Every process runs under `timeout`, SIPp with -m and -timeout; kamailio runs in the foreground
# (-DD -E) with its own runtime folder and is stopped by its pid. CI does not run this: the committed
# captures are the fixtures. A failed run leaves the committed fixture untouched.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT_ROOT=${PROXY_FIXTURES_DIR:-$ROOT/fixtures/proxy}
LIMIT=${SIPP_LIMIT:-60}
SIPP_DIR="$ROOT/scripts/sipp"
# shellcheck source=../sipp/lib.sh
source "$SIPP_DIR/lib.sh"

ALL_SCENARIOS=(
  blind-transfer-udp blind-transfer-tcp transfer-failed-udp refer-407-udp refer-407-tcp
  attended-transfer-udp redirect-302-udp redirect-302-tcp edge-430-udp baresip-transfer-udp
)

ALICE=127.0.0.1
BOB=127.0.0.2
CAROL=127.0.0.3
DAVE=127.0.0.4
PROXY=127.0.0.10
PORT=5060
HOSTS_FILTER="(host $ALICE or host $BOB or host $CAROL or host $DAVE or host $PROXY)"

KAM_PID=""

# start_kamailio [define...]: the proxy in the foreground of a background job, its sipdump records
# written to $WORK/sipdump; returns once it listens on UDP and TCP.
start_kamailio() {
  local defs=() d
  for d in "$@"; do defs+=(-A "$d"); done
  mkdir -p "$WORK/kamailio" "$WORK/sipdump"
  timeout "$LIMIT" kamailio -f "$HERE/kamailio.cfg" -DD -E -Y "$WORK/kamailio" -P "$WORK/kamailio/kamailio.pid" \
    --substdef "!SIPDUMP_DIR!$WORK/sipdump!" "${defs[@]}" >"$WORK/kamailio.log" 2>&1 &
  KAM_PID=$!
  local i
  for i in $(seq 1 50); do
    if ss -lnt | grep -q "$PROXY:$PORT" && ss -lnu | grep -q "$PROXY:$PORT"; then return 0; fi
    sleep 0.1
  done
  cat "$WORK/kamailio.log" >&2
  die "kamailio did not start"
}

# stop_kamailio: stops the proxy this script started (by pid) and keeps its sipdump text log.
stop_kamailio() {
  [[ -n "$KAM_PID" ]] || return 0
  kill -TERM "$KAM_PID" 2>/dev/null || true
  wait "$KAM_PID" 2>/dev/null || true
  KAM_PID=""
  cat "$WORK"/sipdump/*.data > "$WORK/out/proxy.sipdump.log" 2>/dev/null || die "no sipdump records"
}

cleanup_proxy() {
  if [[ -n "$KAM_PID" ]]; then kill -TERM "$KAM_PID" 2>/dev/null || true; fi
  cleanup
}
trap cleanup_proxy EXIT

# pcap_and_pcapng: the capture as classic pcap (tcpdump's own) and as pcapng (editcap, when present).
to_pcapng_editcap() {
  if command -v editcap >/dev/null; then editcap -F pcapng "$WORK/out/capture.pcap" "$WORK/out/capture.pcapng"
  else to_pcapng "$WORK/out/capture.pcap" "$WORK/out/capture.pcapng"; fi
}

# run_transfer NAME T TARGET_XML TRANSFEREE_XML TRANSFEROR_XML [kamailio define...]
run_transfer() {
  local name=$1 t=$2 target_xml=$3 transferee_xml=$4 transferor_xml=$5; shift 5
  begin "$name"
  start_capture out/capture.pcap "$HOSTS_FILTER and port $PORT"
  start_kamailio "$@"
  sipp_start carol -sf "$HERE/$target_xml" -t "$t" -i "$CAROL" -p "$PORT" -m 1
  sipp_start bob -sf "$HERE/$transferor_xml" -t "$t" -i "$BOB" -p "$PORT" -m 1 \
    -key refer_to "sip:carol@$CAROL:$PORT"
  sipp_start alice "$PROXY:$PORT" -sf "$HERE/$transferee_xml" -t "$t" -i "$ALICE" -p "$PORT" -m 1 \
    -key callee "sip:bob@$BOB:$PORT"
  sipp_wait
  stop_kamailio
  stop_captures
  to_pcapng_editcap
  finish "$name"
}

scenario_blind-transfer-udp() { run_transfer blind-transfer-udp u1 target-answers.xml transferee.xml transferor.xml; }
scenario_blind-transfer-tcp() { run_transfer blind-transfer-tcp t1 target-answers.xml transferee.xml transferor.xml; }
scenario_transfer-failed-udp() { run_transfer transfer-failed-udp u1 target-busy.xml transferee.xml transferor.xml; }
scenario_refer-407-udp() { run_transfer refer-407-udp u1 target-answers.xml transferee.xml transferor.xml WITH_AUTH; }
scenario_refer-407-tcp() { run_transfer refer-407-tcp t1 target-answers.xml transferee.xml transferor.xml WITH_AUTH; }

# Attended transfer: bob consults carol, then REFERs alice to carol with Replaces (RFC 3891); carol
# accepts alice's INVITE with Replaces and hangs up the consultation dialog.
scenario_attended-transfer-udp() {
  local name=attended-transfer-udp t=u1
  begin "$name"
  start_capture out/capture.pcap "$HOSTS_FILTER and port $PORT"
  start_kamailio
  sipp_start carol -sf "$HERE/target-attended.xml" -t "$t" -i "$CAROL" -p "$PORT" -m 1
  sipp_start bob -sf "$HERE/transferor-attended.xml" -t "$t" -i "$BOB" -p "$PORT" -m 1 \
    -key refer_to "sip:carol@$CAROL:$PORT"
  sipp_start alice "$PROXY:$PORT" -sf "$HERE/transferee-attended.xml" -t "$t" -i "$ALICE" -p "$PORT" -m 1 \
    -key callee "sip:bob@$BOB:$PORT" -cid_str "%u-%p-attended"
  sipp_wait
  stop_kamailio
  stop_captures
  to_pcapng_editcap
  finish "$name"
}

# A 302 from bob (the redirector of scripts/sipp/redirect) relayed by the proxy to alice, who retries
# the q=0.9 Contact (carol's address) through the proxy.
run_redirect() {
  local name=$1 t=$2
  begin "$name"
  start_capture out/capture.pcap "$HOSTS_FILTER and port $PORT"
  start_kamailio
  sipp_start target -sf "$HERE/target-answers.xml" -t "$t" -i "$CAROL" -p "$PORT" -m 1
  sipp_start redirector -sf "$SIPP_DIR/redirect/redirector.xml" -t "$t" -i "$BOB" -p "$PORT" -m 1
  sipp_start alice "$PROXY:$PORT" -sf "$HERE/caller-redirect.xml" -t "$t" -i "$ALICE" -p "$PORT" -m 1 \
    -key callee "sip:bob@$BOB:$PORT"
  sipp_wait
  stop_kamailio
  stop_captures
  to_pcapng_editcap
  finish "$name"
}

scenario_redirect-302-udp() { run_redirect redirect-302-udp u1; }
scenario_redirect-302-tcp() { run_redirect redirect-302-tcp t1; }

# RFC 5626 outbound behind an edge proxy (bob's address, the SIPp edge of scripts/sipp/outbound): alice
# registers flow 1 (reg-id 1, TCP, closed at once) and flow 2 (reg-id 2, edge 127.0.0.3); dave's
# INVITE goes through the Kamailio proxy to flow 1's token on the edge, which answers 430; the proxy
# relays the 430 to dave (two hops of one 430); alice registers reg-id 1 again on a new connection.
scenario_edge-430-udp() {
  begin edge-430-udp
  local ob="$SIPP_DIR/outbound"
  start_capture out/capture.pcap "$HOSTS_FILTER and port $PORT"
  start_kamailio
  sipp_start edge1-tcp -sf "$ob/edge-registrar.xml" -t t1 -i "$BOB" -p "$PORT" -m 3 -key flow flow1 -deadcall_wait 100
  sipp_start edge1-udp -sf "$ob/edge-430.xml" -t u1 -i "$BOB" -p "$PORT" -m 1
  sipp_start edge2-tcp -sf "$ob/edge-registrar-refresh.xml" -t t1 -i "$CAROL" -p "$PORT" -m 1 -key flow flow2
  sipp_run ua-flow1 "$BOB:$PORT" -sf "$ob/ua-register.xml" -t t1 -i "$ALICE" -p 5071 -m 1 \
    -cid_str "alice-reg1@127.0.0.1" -key regid 1 -key regcseq 1
  sipp_start ua-flow2 "$CAROL:$PORT" -sf "$ob/ua-register-refresh.xml" -t t1 -i "$ALICE" -p 5072 -m 1 \
    -cid_str "alice-reg2@127.0.0.1" -key regid 2 -key cseq1 1 -key cseq2 2 -d 3500
  sleep 1
  sipp_run dave "$PROXY:$PORT" -sf "$HERE/caller-430.xml" -t u1 -i "$DAVE" -p "$PORT" -m 1 \
    -key contact "sip:alice@127.0.0.1:5071;transport=tcp"
  sleep 1
  sipp_run ua-flow1-again "$BOB:$PORT" -sf "$ob/ua-register-refresh.xml" -t t1 -i "$ALICE" -p 5073 -m 1 \
    -cid_str "alice-reg1@127.0.0.1" -key regid 1 -key cseq1 2 -key cseq2 3 -d 2000
  sipp_wait
  stop_kamailio
  stop_captures
  to_pcapng_editcap
  finish edge-430-udp
}

# baresip_conf NAME IP: a config folder for one baresip party; its account sends every request to the
# proxy (outbound proxy, no registration) and answers calls at once.
baresip_conf() {
  local name=$1 ip=$2 dir="$WORK/baresip-$1"
  mkdir -p "$dir"
  sed -e "s/@NAME@/$name/g" -e "s/@IP@/$ip/g" "$HERE/baresip.config" > "$dir/config"
  echo "<sip:$name@$ip>;regint=0;outbound=\"sip:$PROXY:$PORT\";answermode=auto" > "$dir/accounts"
}

# baresip_start ROLE IP SECONDS [baresip options...]: one baresip in the background with its SIP trace
# (-s) on stdout, kept as $WORK/out/ROLE.baresip.log; it quits by itself after SECONDS (-t). stdin is
# an idle pipe (baresip's stdio module reads the terminal).
baresip_start() {
  local role=$1 ip=$2 secs=$3; shift 3
  baresip_conf "$role" "$ip"
  (sleep "$((secs + 2))" | timeout "$LIMIT" baresip -f "$WORK/baresip-$role" -s -t "$secs" "$@" \
    >"$WORK/out/$role.baresip.log" 2>&1) &
  SIPP_PIDS+=($!)
  SIPP_ROLES+=("$role")
  echo "  started $role: baresip $*" >&2
  sleep 0.5
}

# Blind transfer between real user agents: baresip alice calls baresip bob through the proxy; bob is
# told on his console to transfer the call to carol (SIPp, answers); baresip alice follows the REFER
# (INVITE carol through the proxy, NOTIFYs back to bob) and hangs up when her time is up.
scenario_baresip-transfer-udp() {
  begin baresip-transfer-udp
  start_capture out/capture.pcap "$HOSTS_FILTER and port $PORT"
  start_kamailio
  sipp_start carol -sf "$HERE/target-answers.xml" -t u1 -i "$CAROL" -p "$PORT" -m 1
  baresip_start bob "$BOB" 9
  baresip_start alice "$ALICE" 8 -e "/dial sip:bob@$BOB:$PORT"
  sleep 3
  printf '/transfer sip:carol@%s:%s\n' "$CAROL" "$PORT" > "/dev/udp/$BOB/5555"
  sipp_wait
  stop_kamailio
  stop_captures
  # The console's status line (audio bit rates) is rewritten in place with CRs: keep the SIP trace.
  sed -i 's/\r/\n/g' "$WORK"/out/*.baresip.log
  to_pcapng_editcap
  finish baresip-transfer-udp
}

# --- main ----------------------------------------------------------------------------------------

if [[ "${1:-}" == "--list" ]]; then printf '%s\n' "${ALL_SCENARIOS[@]}"; exit 0; fi
for tool in kamailio sipp tcpdump; do command -v "$tool" >/dev/null || die "$tool not found"; done
[[ $(id -u) -eq 0 ]] || die "tcpdump on lo needs root"

if [[ $# -eq 0 ]]; then set -- "${ALL_SCENARIOS[@]}"; fi
for s in "$@"; do
  declare -F "scenario_$s" >/dev/null || die "unknown scenario: $s (see --list)"
  "scenario_$s"
done
