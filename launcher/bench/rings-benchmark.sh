#!/usr/bin/env bash
# Ring pages benchmark of the runnable jar: requests per second and latency of the ring overview (/ringe) and one
# ring page (/ringe/4?jahr=2011, the seeded ring 4), anonymous, started with the demo switch so every ring has demo
# content (and, with the municipality registry running, every Optionskommune a ring). The start page (/) is measured
# in the same run as a baseline for the machine's state.
#
#   launcher/bench/rings-benchmark.sh
#
# Settings (environment): DURATION=10s and WARMUP=3s for wrk (-t2 -c32), PORT=18082, JAVA_OPTS="" (empty means JVM
# defaults), KEEP=1 keeps the temporary folder with the logs. Prints a Markdown table and writes it to
# launcher/bench/rings-results.md.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=$ROOT/launcher/target/ringportal.jar
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
PORT=${PORT:-18082}
JAVA_OPTS=${JAVA_OPTS:-}
WRK_ARGS=(-t2 -c32 "-d$DURATION" --latency)
START_TIMEOUT_MS=60000
BASE=http://127.0.0.1:$PORT
PAGES=(/ringe "/ringe/4?jahr=2011" /)

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

LOG_TAG=rings-bench
# shellcheck source=common.sh
. "$HERE/common.sh"

require_commands wrk curl
command -v java >/dev/null || die "java (17 or newer) is not on the PATH"
if [ ! -f "$JAR" ]; then
    log "$JAR is missing; building it: mvn -B -q package -DskipTests"
    (cd "$ROOT" && mvn -B -q package -DskipTests)
fi
if curl -s -o /dev/null "$BASE/"; then die "port $PORT is already in use"; fi

make_workdir ringportal-rings-bench

log "starting the portal with --demo on port $PORT"
t0=$(now_ms)
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
java $JAVA_OPTS -jar "$JAR" --demo --port "$PORT" --data-dir "$WORK/data" --deploy-dir "$WORK/deploy" \
    >"$WORK/portal.log" 2>&1 &
PORTAL_PID=$!
PIDS+=("$PORTAL_PID")
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/ringe" || true)" = 200 ]; do
    kill -0 "$PORTAL_PID" 2>/dev/null || { tail -n 40 "$WORK/portal.log" >&2; die "the portal exited"; }
    [ $(($(now_ms) - t0)) -lt $START_TIMEOUT_MS ] || { tail -n 40 "$WORK/portal.log" >&2; die "no /ringe"; }
    sleep 0.05
done
log "/ringe up after $(($(now_ms) - t0)) ms"

curl -s -o "$WORK/overview.html" "$BASE/ringe"
if grep -q 'Das Kommunenverzeichnis ist derzeit nicht verfügbar' "$WORK/overview.html"; then
    REGISTRY="not running (members shown by Kreisschlüssel, no maps)"
else
    REGISTRY="running (member names and one map per ring)"
fi
MEMBERS=$(grep -oE '[0-9]+ Mitglied(er)? im Jahr [0-9]+' "$WORK/overview.html" | awk '{ n += $1 } END { print n + 0 }')
BYTES_OVERVIEW=$(wc -c <"$WORK/overview.html")
BYTES_RING=$(curl -s "$BASE/ringe/4?jahr=2011" | wc -c)

declare -A RPS P50 P99 ERRORS
for page in "${PAGES[@]}"; do
    log "warm-up $page ($WARMUP)"
    wrk -t2 -c32 "-d$WARMUP" "$BASE$page" >/dev/null
    log "wrk ${WRK_ARGS[*]} $page"
    wrk "${WRK_ARGS[@]}" "$BASE$page" >"$WORK/wrk.txt"
    RPS[$page]=$(wrk_rps "$WORK/wrk.txt")
    P50[$page]=$(wrk_ms "$WORK/wrk.txt" 50)
    P99[$page]=$(wrk_ms "$WORK/wrk.txt" 99)
    ERRORS[$page]=$(wrk_errors "$WORK/wrk.txt")
done
RSS_KB=$(awk '/VmRSS/ { print $2 }' "/proc/$PORTAL_PID/status")

{
    echo "# Ringportal ring pages benchmark"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')," \
        "$(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), load average before the" \
        "run $LOAD_BEFORE"
    echo "$(java -version 2>&1 | sed -n 2p); JVM flags: ${JAVA_OPTS:-none (JVM defaults)}"
    echo
    echo "Started with \`--demo\`; municipality registry: $REGISTRY; $MEMBERS memberships shown on /ringe" \
        "(default year); /ringe $BYTES_OVERVIEW bytes, /ringe/4?jahr=2011 $BYTES_RING bytes."
    echo
    echo "| page | requests/s | p50 (ms) | p99 (ms) | failed responses or socket errors |"
    echo "|---|---|---|---|---|"
    for page in "${PAGES[@]}"; do
        echo "| \`$page\` | ${RPS[$page]} | ${P50[$page]} | ${P99[$page]} | ${ERRORS[$page]} |"
    done
    echo
    echo "Portal resident memory after the runs: $((RSS_KB / 1024)) MB."
    echo
    echo "wrk ${WRK_ARGS[*]} per page, anonymous, after a $WARMUP warm-up each. Portal and wrk share the same cores;"
    echo "other work on the machine shows in the load average above."
} | tee "$HERE/rings-results.md"
