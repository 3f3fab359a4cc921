#!/usr/bin/env bash
# Benchmark of the municipality registry's public pages with the runnable jar: the list (/kommunen), a detail page
# (/kommunen/14625, with its small map) and the map (/kommunen/karte), each with wrk -t2 -c32 --latency after a
# warm-up; plus the cost of drawing the map the first time (read, project and simplify 401 Kreise) against serving
# it from the cache, and the page sizes.
#
#   launcher/bench/municipalities-benchmark.sh
#
# Settings (environment): DURATION=10s and WARMUP=5s for wrk, PORT=18081, JAVA_OPTS="" (empty means JVM defaults),
# KEEP=1 keeps the temporary folder with the logs. Prints a Markdown table and writes it to
# launcher/bench/municipalities-results.md.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=$ROOT/launcher/target/ringportal.jar
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
PORT=${PORT:-18081}
JAVA_OPTS=${JAVA_OPTS:-}
WRK_ARGS=(-t2 -c32 "-d$DURATION" --latency)
START_TIMEOUT_MS=60000
BASE=http://127.0.0.1:$PORT
PAGES=(/kommunen /kommunen/14625 /kommunen/karte)

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

LOG_TAG=municipalities-bench
# shellcheck source=common.sh
. "$HERE/common.sh"

require_commands wrk curl
command -v java >/dev/null || die "java (17 or newer) is not on the PATH"
[ -f "$JAR" ] || die "$JAR is missing; build it first: mvn -B -q package -DskipTests"
if curl -s -o /dev/null "$BASE/"; then die "port $PORT is already in use"; fi

make_workdir ringportal-municipalities-bench

log "starting the portal on port $PORT"
t0=$(now_ms)
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
java $JAVA_OPTS -jar "$JAR" --port "$PORT" --data-dir "$WORK/data" --deploy-dir "$WORK/deploy" \
    >"$WORK/portal.log" 2>&1 &
PORTAL_PID=$!
PIDS+=("$PORTAL_PID")
# the list answers once the registry is migrated and seeded
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/kommunen" || true)" = 200 ]; do
    kill -0 "$PORTAL_PID" 2>/dev/null || { tail -n 40 "$WORK/portal.log" >&2; die "the portal exited"; }
    [ $(($(now_ms) - t0)) -lt $START_TIMEOUT_MS ] || { tail -n 40 "$WORK/portal.log" >&2; die "no /kommunen"; }
    sleep 0.05
done
log "/kommunen up after $(($(now_ms) - t0)) ms"

# The first request of the map draws it (reads the GeoJSON, projects, simplifies, writes the SVG); the next ones
# are served from the cache until the registry changes.
first_map_ms=$(curl -s -o "$WORK/map.html" -w '%{time_total}' "$BASE/kommunen/karte" | awk '{ printf "%.0f", $1 * 1000 }')
second_map_ms=$(curl -s -o /dev/null -w '%{time_total}' "$BASE/kommunen/karte" | awk '{ printf "%.1f", $1 * 1000 }')
svg_bytes=$(sed -n '/<svg xmlns/,/<\/svg>/p' "$WORK/map.html" | grep -o '<svg xmlns.*</svg>' | wc -c)
declare -A BYTES
for page in "${PAGES[@]}"; do BYTES[$page]=$(curl -s -o /dev/null -w '%{size_download}' "$BASE$page"); done

for page in "${PAGES[@]}"; do
    name=$(echo "$page" | tr '/' '_')
    log "$page: warm-up ($WARMUP), then wrk ${WRK_ARGS[*]}"
    wrk -t2 -c32 "-d$WARMUP" "$BASE$page" >"$WORK/$name.warmup.txt"
    cpu_before=$(awk '{ print $14 + $15 }' "/proc/$PORTAL_PID/stat")
    wrk "${WRK_ARGS[@]}" "$BASE$page" >"$WORK/$name.wrk.txt"
    cpu_after=$(awk '{ print $14 + $15 }' "/proc/$PORTAL_PID/stat")
    total=$(awk '/requests in/ { print $1 }' "$WORK/$name.wrk.txt")
    awk -v t="$((cpu_after - cpu_before))" -v hz="$(getconf CLK_TCK)" -v n="$total" \
        'BEGIN { printf "%.0f", t * 1000000 / hz / n }' >"$WORK/$name.cpu"
    cat "$WORK/$name.wrk.txt" >&2
done
rss_kb=$(awk '/^VmRSS/ { print $2 }' "/proc/$PORTAL_PID/status")
kill -TERM "$PORTAL_PID"
wait "$PORTAL_PID" 2>/dev/null || true
PIDS=()

cores=$(nproc)
{
    echo "# Ringportal municipality registry benchmark"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')," \
        "$cores cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo))," \
        "$(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM," \
        "load average before the run $LOAD_BEFORE"
    echo "$(java -version 2>&1 | sed -n 2p); JVM flags: ${JAVA_OPTS:-none (JVM defaults)}"
    echo
    echo "| page | bytes | requests/s | p50 (ms) | p99 (ms) | server CPU per request (µs) | failed |"
    echo "|---|---|---|---|---|---|---|"
    for page in "${PAGES[@]}"; do
        name=$(echo "$page" | tr '/' '_')
        echo "| \`$page\` | ${BYTES[$page]} | $(wrk_rps "$WORK/$name.wrk.txt") |" \
            "$(wrk_ms "$WORK/$name.wrk.txt" 50) | $(wrk_ms "$WORK/$name.wrk.txt" 99) | $(cat "$WORK/$name.cpu") |" \
            "$(wrk_errors "$WORK/$name.wrk.txt") |"
    done
    echo
    echo "| measure | result | target | |"
    echo "|---|---|---|---|"
    echo "| map SVG (inline in /kommunen/karte), bytes | $svg_bytes | < 300 KB | $(verdict "$svg_bytes < 307200") |"
    echo "| first /kommunen/karte after start (draws the map), ms | $first_map_ms | | |"
    echo "| second /kommunen/karte (from the cache), ms | $second_map_ms | | |"
    echo "| resident memory after the runs (JVM default heap sizing), MB | $((rss_kb / 1024)) | | |"
    echo
    echo "wrk ${WRK_ARGS[*]} per page after a $WARMUP warm-up, anonymous requests without cookies (each gets the"
    echo "header's login form with a new CSRF cookie, as a first visit does). Server CPU from /proc (user + system of"
    echo "the portal's JVM during the run) divided by the requests. Portal, wrk and curl share the same $cores cores;"
    echo "other work on the machine shows in the load average above."
} | tee "$HERE/municipalities-results.md"
