#!/usr/bin/env bash
# Starts a throw-away ClickHouse server on 127.0.0.1:8123 for the report store test (test/report/report.test.ts),
# data in a temp directory, unless one already answers there. Used by .ci/run; needs Debian's clickhouse-server.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# node, not curl: a fresh CI machine has node.
ping() { node -e "fetch('http://127.0.0.1:8123/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; }
if ping; then echo "clickhouse: already running on 127.0.0.1:8123"; exit 0; fi
command -v clickhouse-server >/dev/null || { echo "clickhouse-server is not installed (apt-get install clickhouse-server)" >&2; exit 1; }
data="$(mktemp -d /tmp/sipta-clickhouse.XXXXXX)"
sed -e "s|@DATA@|$data|g" -e "s|@HERE@|$here|g" "$here/config.xml" > "$data/config.xml"
# The server refuses nothing as root here; a dedicated user would be used in production.
(cd "$data" && nohup clickhouse-server --config-file="$data/config.xml" >"$data/stdout.log" 2>&1 &)
for _ in $(seq 1 60); do
  if ping; then echo "clickhouse: started on 127.0.0.1:8123 (data in $data)"; exit 0; fi
  sleep 0.5
done
echo "clickhouse: did not start; log follows" >&2
tail -30 "$data"/*.log >&2 || true
exit 1
