# Shared helpers of the fixture capture scripts (scripts/sipp/capture.sh, scripts/proxy/capture.sh):
# a temporary work folder per scenario, tcpdump on lo, SIPp processes started and awaited by pid,
# and the move of a finished run's files into the fixture folder. Sourced, not run.
# The sourcing script sets ROOT, OUT_ROOT (fixture folder root) and LIMIT (seconds per process).
LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

die() { echo "$(basename "$0"): $*" >&2; exit 1; }

WORK=""
CAP_PIDS=()
SIPP_PIDS=()
SIPP_ROLES=()

cleanup() {
  # Stop only the processes this script started, by their pid.
  local pid
  for pid in "${SIPP_PIDS[@]}" "${CAP_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  if [[ -n "$WORK" && -d "$WORK" ]]; then
    # SIPP_KEEP=1 keeps a failed run's logs and partial captures for a look.
    if [[ -n "${SIPP_KEEP:-}" ]]; then echo "capture.sh: kept $WORK" >&2; else rm -rf "$WORK"; fi
  fi
  return 0
}
trap cleanup EXIT

# start_capture FILE FILTER [tcpdump options...]: tcpdump on lo (or -i any when given), unbuffered
# (-U, --immediate-mode: without it libpcap holds packets up to a second and stopping tcpdump loses
# them), full snap length. Returns once tcpdump listens.
start_capture() {
  local file=$1 filter=$2; shift 2
  local err="$file.tcpdump.err"
  local iface=lo
  if [[ "${1:-}" == "any" ]]; then iface=any; shift; fi
  timeout "$LIMIT" tcpdump -i "$iface" -nn -U --immediate-mode -s 0 "$@" -w "$file" "$filter" 2>"$err" &
  CAP_PIDS+=($!)
  local i
  for i in $(seq 1 50); do
    grep -q "listening on" "$err" 2>/dev/null && return 0
    sleep 0.1
  done
  cat "$err" >&2
  die "tcpdump did not start for $file"
}

stop_captures() {
  # --immediate-mode hands packets over as they come; still give the last one a moment to land.
  sleep 1
  local pid
  for pid in "${CAP_PIDS[@]}"; do
    kill -INT "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  CAP_PIDS=()
}

# sipp_start ROLE SIPP-ARGS...: one SIPp process in the background, its -trace_msg log written to
# $WORK/out/ROLE.messages.log and its screen to $WORK/ROLE.screen.
sipp_start() {
  local role=$1; shift
  timeout "$LIMIT" sipp "$@" -nostdin -timeout "${LIMIT}s" \
    -trace_msg -message_file "$WORK/out/$role.messages.log" \
    -trace_err -error_file "$WORK/$role.errors.log" \
    >"$WORK/$role.screen" 2>&1 &
  SIPP_PIDS+=($!)
  SIPP_ROLES+=("$role")
  echo "  started $role: sipp $*" >&2
  # SIPp needs a moment to bind before a peer sends to it.
  sleep 0.4
}

# sipp_wait: waits for every SIPp process started so far; fails the scenario if any did not pass.
# As soon as one fails, the others (started by this script, by pid) are stopped rather than left to
# run into their timeout.
sipp_wait() {
  local i pid rc failed=0
  local -a running=("${SIPP_PIDS[@]}")
  declare -A role_of=()
  for i in "${!SIPP_PIDS[@]}"; do role_of[${SIPP_PIDS[$i]}]=${SIPP_ROLES[$i]}; done
  while [[ ${#running[@]} -gt 0 ]]; do
    rc=0
    wait -n -p pid "${running[@]}" || rc=$?
    local -a left=()
    for i in "${running[@]}"; do [[ $i != "$pid" ]] && left+=("$i"); done
    running=("${left[@]}")
    [[ $rc -eq 0 ]] && continue
    local role=${role_of[$pid]:-?}
    echo "  $role exited $rc" >&2
    tail -n 8 "$WORK/$role.screen" >&2 || true
    [[ -s "$WORK/$role.errors.log" ]] && tail -n 20 "$WORK/$role.errors.log" >&2
    if [[ $failed -eq 0 ]]; then
      for i in "${running[@]}"; do kill "$i" 2>/dev/null || true; done
    fi
    failed=1
  done
  SIPP_PIDS=()
  SIPP_ROLES=()
  return $failed
}

# sipp_run ROLE SIPP-ARGS...: one SIPp process in the foreground of the scenario (the next step waits
# for it); fails the scenario if it does not pass.
sipp_run() {
  local role=$1; shift
  local rc=0
  echo "  running $role: sipp $*" >&2
  timeout "$LIMIT" sipp "$@" -nostdin -timeout "${LIMIT}s" \
    -trace_msg -message_file "$WORK/out/$role.messages.log" \
    -trace_err -error_file "$WORK/$role.errors.log" \
    >"$WORK/$role.screen" 2>&1 || rc=$?
  if [[ $rc -ne 0 ]]; then
    echo "  $role exited $rc" >&2
    tail -n 8 "$WORK/$role.screen" >&2 || true
    [[ -s "$WORK/$role.errors.log" ]] && tail -n 20 "$WORK/$role.errors.log" >&2
    local pid
    for pid in "${SIPP_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    return 1
  fi
}

# begin SCENARIO: fresh work folder; its out/ becomes fixtures/sipp/SCENARIO/ on success.
begin() {
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/sipta-sipp-$1.XXXXXX")
  mkdir -p "$WORK/out"
  cd "$WORK"
  echo "== $1" >&2
}

# finish SCENARIO: keeps the README, checks the captures, moves the new files into place.
finish() {
  local name=$1 dest="$OUT_ROOT/$1" f n
  for f in "$WORK"/out/*.pcap; do
    n=$(tcpdump -r "$f" -nn 2>/dev/null | wc -l)
    [[ $n -gt 0 ]] || die "$name: $(basename "$f") captured no packet"
    echo "  $(basename "$f"): $n packets" >&2
  done
  rm -f "$WORK"/out/*.tcpdump.err
  mkdir -p "$dest"
  # Replace the generated files; README.md (hand-written) stays.
  find "$dest" -maxdepth 1 -type f ! -name README.md -delete
  cp "$WORK"/out/* "$dest/"
  cd "$ROOT"
  rm -rf "$WORK"
  WORK=""
  echo "  -> ${dest#"$ROOT"/}" >&2
}

# to_pcapng IN OUT: our own converter (no Wireshark tools needed); keeps the resolution of IN.
to_pcapng() {
  "$ROOT/node_modules/.bin/tsx" "$LIB_DIR/pcap-to-pcapng.ts" "$1" "$2"
}

