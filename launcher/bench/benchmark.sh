#!/usr/bin/env bash
# Speed benchmark of the runnable jar: cold start to the first 200 on "/", resident memory, and start-page
# throughput and p99 latency next to a bare Jetty handler that serves the very same bytes.
#
#   launcher/bench/benchmark.sh
#
# Settings (environment):
#   RUNS=5             starts per data-dir kind (fresh, existing)
#   DURATION=15s       the measured wrk run
#   WARMUP_WINDOWS=6   warm-up runs of 10 s before it (the portal's JIT needs about a minute of load on 2 cores)
#   PORT=18080, BARE_PORT=18081
#   JAR=launcher/target/ringportal.jar   the jar to measure (built with mvn -B -q install -DskipTests if missing)
#   JAVA_OPTS=""       flags for both JVMs, the portal's and the bare handler's; empty means JVM defaults
#   KEEP=1             keep the temporary folder with the logs
# Prints a Markdown table and writes it to launcher/bench/results.md. Takes about 5 minutes.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=${JAR:-$ROOT/launcher/target/ringportal.jar}
RUNS=${RUNS:-5}
DURATION=${DURATION:-15s}
WARMUP_WINDOWS=${WARMUP_WINDOWS:-6}
PORT=${PORT:-18080}
BARE_PORT=${BARE_PORT:-18081}
JAVA_OPTS=${JAVA_OPTS:-}
WRK_ARGS=(-t2 -c32 "-d$DURATION" --latency)
START_TIMEOUT_MS=60000

LOG_TAG=bench
# shellcheck source=common.sh
. "$HERE/common.sh"
port_free() { ! curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/"; }
# A fixed busy loop: its time shows how much CPU this machine had to give (other load on the host slows it).
cpu_check_ms() {
    local t0
    t0=$(now_ms)
    bash -c 'i=0; while ((i < 300000)); do ((i++)); done'
    echo $(($(now_ms) - t0))
}

# --- requirements -------------------------------------------------------------------------------------------
require_commands wrk curl
command -v java >/dev/null || die "java (17 or newer) is not on the PATH"
command -v mvn >/dev/null || die "mvn is needed to fetch the Jetty jars for the bare handler"
if [ ! -f "$JAR" ]; then
    log "$JAR is missing; building it: mvn -B -q install -DskipTests"
    (cd "$ROOT" && mvn -B -q -Dstyle.color=never install -DskipTests)
fi
for port in "$PORT" "$BARE_PORT"; do
    port_free "$port" || die "port $port is already in use (set PORT=... or BARE_PORT=...)"
done

make_workdir ringportal-bench

log "fetching the Jetty jars for the bare handler"
mvn -B -q -Dstyle.color=never -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$WORK/jetty" \
    >"$WORK/mvn.log" 2>&1 || { cat "$WORK/mvn.log" >&2; die "could not fetch the Jetty jars"; }

# --- process helpers ----------------------------------------------------------------------------------------
# Whether process $1 holds the listening socket of TCP port $2: other work on the same host may bind our ports.
owns_port() {
    local inode
    inode=$(awk -v port=":$(printf '%04X' "$2")" '$4 == "0A" && substr($2, length($2) - 4) == port { print $10; exit }' \
        /proc/net/tcp /proc/net/tcp6 2>/dev/null)
    # grep -c reads all of its input: grep -q would stop early and, under pipefail, fail the pipeline with SIGPIPE
    [ -n "$inode" ] && [ "$(ls -l "/proc/$1/fd" 2>/dev/null | grep -c "socket:\[$inode\]")" -gt 0 ]
}

# Waits until $1 answers 200, as long as process $2 lives; prints the milliseconds since $3.
await_200() {
    local url=$1 pid=$2 since=$3 code
    while true; do
        kill -0 "$pid" 2>/dev/null || return 1
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)
        if [ "$code" = 200 ]; then
            local took=$(($(now_ms) - since))
            local port=${url#http://127.0.0.1:}
            owns_port "$pid" "${port%%/*}" && { echo "$took"; return 0; }
            log "ERROR: $url answered, but process $pid does not hold that port: another process took it"
            return 1
        fi
        [ $(($(now_ms) - since)) -lt $START_TIMEOUT_MS ] || return 1
        sleep 0.02
    done
}

# SIGTERM (the portal's shutdown hook stops Felix and shuts Derby down), SIGKILL after 60 s.
stop_pid() {
    local pid=$1 i
    kill -TERM "$pid" 2>/dev/null || return 0
    for ((i = 0; i < 600; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    local kept=()
    for p in "${PIDS[@]}"; do [ "$p" = "$pid" ] || kept+=("$p"); done
    PIDS=("${kept[@]+"${kept[@]}"}")
}

# user + system CPU time of a process so far, in ms (clock ticks from /proc/<pid>/stat)
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }

# The first 200 can come before every bundle has started; stop only after the launcher says it is up, so each
# run stops cleanly and the next start on the same data dir finds it as a normal restart would.
await_started() {
    local i
    for ((i = 0; i < 300; i++)); do
        grep -q 'gestartet in' "$1" && return 0
        sleep 0.1
    done
    log "the launcher did not report its start within 30 s: $1"
}

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# Starts the portal on data dir $1, logging to $2; sets PORTAL_PID and START_MS.
start_portal() {
    local t0
    port_free "$PORT" || die "port $PORT is in use by another process (set PORT=...)"
    t0=$(now_ms)
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
    java $JAVA_OPTS -jar "$JAR" --port "$PORT" --data-dir "$1" --deploy-dir "$WORK/deploy" >"$2" 2>&1 &
    PORTAL_PID=$!
    PIDS+=("$PORTAL_PID")
    START_MS=$(await_200 "http://127.0.0.1:$PORT/" "$PORTAL_PID" "$t0") || {
        tail -n 40 "$2" >&2
        die "the portal did not answer 200 on / (log above)"
    }
    START_CPU_MS=$(cpu_ms "$PORTAL_PID")
}

# median, min and max of the numbers given as arguments: "median (min–max)"
stats() {
    printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%.0f (%s–%s)", m, v[1], v[NR] }'
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
    printf "%.0f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }


cpu_before=$(cpu_check_ms)

# --- (a) cold start -----------------------------------------------------------------------------------------
fresh_ms=() fresh_rss=() fresh_cpu=() existing_ms=() existing_rss=() existing_cpu=()
for ((i = 1; i <= RUNS; i++)); do
    start_portal "$WORK/fresh-$i" "$WORK/fresh-$i.log"
    fresh_ms+=("$START_MS") fresh_rss+=("$(rss_mb "$PORTAL_PID")") fresh_cpu+=("$START_CPU_MS")
    log "fresh data dir, run $i: first 200 after ${START_MS} ms (CPU ${START_CPU_MS} ms), RSS ${fresh_rss[-1]} MB"
    await_started "$WORK/fresh-$i.log"
    stop_pid "$PORTAL_PID"
done
EXISTING=$WORK/fresh-1
for ((i = 1; i <= RUNS; i++)); do
    start_portal "$EXISTING" "$WORK/existing-$i.log"
    existing_ms+=("$START_MS") existing_rss+=("$(rss_mb "$PORTAL_PID")") existing_cpu+=("$START_CPU_MS")
    log "existing data dir, run $i: first 200 after ${START_MS} ms (CPU ${START_CPU_MS} ms), RSS ${existing_rss[-1]} MB"
    await_started "$WORK/existing-$i.log"
    stop_pid "$PORTAL_PID"
done

# --- (b) + (c) memory and throughput, portal next to the bare handler --------------------------------------
start_portal "$EXISTING" "$WORK/load.log"
load_start_ms=$START_MS
rss_started=$(rss_mb "$PORTAL_PID")
jetty_in_portal=$(grep -o 'Started Jetty [0-9.]*' "$WORK/load.log" | head -n 1 | cut -d' ' -f3 || true)

curl -s -D "$WORK/page.headers" -o "$WORK/page.html" "http://127.0.0.1:$PORT/"
content_type=$(awk -F': ' 'tolower($1) == "content-type" { sub(/\r$/, "", $2); print $2 }' "$WORK/page.headers")
page_bytes=$(wc -c <"$WORK/page.html")

# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$WORK/jetty/*" "$HERE/BareJetty.java" "$BARE_PORT" "$WORK/page.html" "$content_type" \
    >"$WORK/bare.log" 2>&1 &
BARE_PID=$!
PIDS+=("$BARE_PID")
await_200 "http://127.0.0.1:$BARE_PORT/" "$BARE_PID" "$(now_ms)" >/dev/null || {
    cat "$WORK/bare.log" >&2
    die "the bare Jetty handler did not start"
}
curl -s -o "$WORK/bare.html" "http://127.0.0.1:$BARE_PORT/"
cmp -s "$WORK/page.html" "$WORK/bare.html" || die "the bare handler does not serve the portal's page bytes"
bare_jetty=$(basename "$(ls "$WORK"/jetty/jetty-server-*.jar)" .jar | sed 's/jetty-server-//')

for target in portal bare; do
    if [ "$target" = portal ]; then url="http://127.0.0.1:$PORT/"; else url="http://127.0.0.1:$BARE_PORT/"; fi
    log "$target: warm-up ($WARMUP_WINDOWS x 10 s), then wrk ${WRK_ARGS[*]} $url"
    curve=""
    for ((w = 1; w <= WARMUP_WINDOWS; w++)); do
        wrk -t2 -c32 -d10s "$url" >"$WORK/$target.warmup-$w.txt"
        curve="$curve $(wrk_rps "$WORK/$target.warmup-$w.txt")"
    done
    log "$target: warm-up requests/s per 10 s window:$curve"
    if [ "$target" = portal ]; then portal_curve=$curve; else bare_curve=$curve; fi
    if [ "$target" = portal ]; then pid=$PORTAL_PID; else pid=$BARE_PID; fi
    cpu0=$(cpu_ms "$pid")
    wrk "${WRK_ARGS[@]}" "$url" >"$WORK/$target.wrk.txt"
    cpu1=$(cpu_ms "$pid")
    requests=$(awk '/requests in/ { print $1 }' "$WORK/$target.wrk.txt")
    us_per_request=$(awk -v c=$((cpu1 - cpu0)) -v n="$requests" 'BEGIN { printf "%.0f", c * 1000 / n }')
    if [ "$target" = portal ]; then portal_us=$us_per_request; else bare_us=$us_per_request; fi
    cat "$WORK/$target.wrk.txt" >&2
    if [ "$target" = portal ]; then rss_loaded=$(rss_mb "$PORTAL_PID"); else bare_rss=$(rss_mb "$BARE_PID"); fi
done
stop_pid "$BARE_PID"
stop_pid "$PORTAL_PID"

cpu_after=$(cpu_check_ms)

# --- report -------------------------------------------------------------------------------------------------
portal_rps=$(wrk_rps "$WORK/portal.wrk.txt")
bare_rps=$(wrk_rps "$WORK/bare.wrk.txt")
fresh_median=$(median "${fresh_ms[@]}")
existing_median=$(median "${existing_ms[@]}")
ratio=$(awk -v a="$portal_rps" -v b="$bare_rps" 'BEGIN { printf "%.2f", a / b }')

{
    echo "# Ringportal speed benchmark"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')," \
        "$(nproc) cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo))," \
        "$(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM"
    echo "$(java -version 2>&1 | sed -n 2p); JVM flags for both: ${JAVA_OPTS:-none (JVM defaults)}"
    echo "Portal's Jetty ${jetty_in_portal:-?}, bare handler's Jetty $bare_jetty; page / is $page_bytes bytes ($content_type)"
    echo
    echo "| measure | result | target | |"
    echo "|---|---|---|---|"
    echo "| cold start, fresh data dir: first 200 on / (ms), median (min–max) of $RUNS | $(stats "${fresh_ms[@]}") | ≤ 2000 | $(verdict "$fresh_median <= 2000") |"
    echo "| cold start, existing data dir (ms), median (min–max) of $RUNS | $(stats "${existing_ms[@]}") | ≤ 2000 | $(verdict "$existing_median <= 2000") |"
    echo "| CPU time used until the first 200, fresh / existing (ms, median; user + system, all threads) | $(median "${fresh_cpu[@]}") / $(median "${existing_cpu[@]}") | | |"
    echo "| RSS at the first 200, fresh / existing data dir (MB, median) | $(median "${fresh_rss[@]}") / $(median "${existing_rss[@]}") | ≤ 160 | $(verdict "$(median "${fresh_rss[@]}") <= 160 && $(median "${existing_rss[@]}") <= 160") |"
    echo "| RSS of the load-test portal after start / after load (MB) | $rss_started / $rss_loaded | ≤ 160 | $(verdict "$rss_started <= 160 && $rss_loaded <= 160") |"
    echo "| start page, portal: requests/s | $portal_rps | ≥ $(awk -v b="$bare_rps" 'BEGIN { printf "%.0f", b / 2 }') | $(verdict "$ratio >= 0.5") |"
    echo "| start page, bare Jetty handler: requests/s | $bare_rps | | |"
    echo "| portal / bare throughput | $ratio | ≥ 0.5 | $(verdict "$ratio >= 0.5") |"
    echo "| server CPU per request, portal / bare (µs; depends less on other load than requests/s) | $portal_us / $bare_us | | |"
    echo "| p99 latency, portal / bare (ms) | $(wrk_ms "$WORK/portal.wrk.txt" 99) / $(wrk_ms "$WORK/bare.wrk.txt" 99) | | |"
    echo "| p50 latency, portal / bare (ms) | $(wrk_ms "$WORK/portal.wrk.txt" 50) / $(wrk_ms "$WORK/bare.wrk.txt" 50) | | |"
    echo "| failed responses or socket errors, portal / bare | $(wrk_errors "$WORK/portal.wrk.txt") / $(wrk_errors "$WORK/bare.wrk.txt") | 0 | |"
    echo "| RSS of the bare handler after load (MB; includes the source launcher's javac) | $bare_rss | | |"
    echo
    echo "Starts, ms: fresh ${fresh_ms[*]}; existing ${existing_ms[*]} (start of the load-test portal: $load_start_ms)."
    echo "RSS at first 200, MB: fresh ${fresh_rss[*]}; existing ${existing_rss[*]}."
    echo "Load: wrk ${WRK_ARGS[*]}, first against the portal, then against the bare handler, each after"
    echo "$WARMUP_WINDOWS warm-up runs of 10 s (requests/s per run: portal$portal_curve; bare$bare_curve)."
    echo "Both servers, wrk and curl share the same $(nproc) cores. Start time is from launching java to the first 200"
    echo "(polled every 20 ms with curl); the jar is in the OS page cache after the first run."
    echo "CPU check (a fixed busy loop; more ms = less CPU left by other load on the host): ${cpu_before} ms before,"
    echo "${cpu_after} ms after."
} | tee "$HERE/results.md"
