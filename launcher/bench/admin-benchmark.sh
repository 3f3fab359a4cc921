#!/usr/bin/env bash
# Bundle administration benchmark of the runnable jar: how long from uploading the events module on the
# Erweiterungen page until its page answers 200, how long its removal takes, and what a steady client of other
# pages sees while the module is installed and removed 20 times.
#
#   launcher/bench/admin-benchmark.sh
#
# Settings (environment): RUNS=5 (timed install/remove cycles), CYCLES=20 (cycles under load), CLIENT_CONNECTIONS=4
# (wrk connections of the steady client on / and /impressum), PORT=18083, JAVA_OPTS="" (empty: JVM defaults),
# KEEP=1 keeps the temporary folder with the logs. Needs modules/events/target/events-*.jar (mvn package builds it).
# Prints a Markdown table and writes it to launcher/bench/admin-results.md.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=$ROOT/launcher/target/ringportal.jar
EVENTS_JAR=$(ls "$ROOT"/modules/events/target/events-*.jar 2>/dev/null | head -n 1 || true)
RUNS=${RUNS:-5}
CYCLES=${CYCLES:-20}
CLIENT_CONNECTIONS=${CLIENT_CONNECTIONS:-4}
PORT=${PORT:-18083}
JAVA_OPTS=${JAVA_OPTS:-}
START_TIMEOUT_MS=60000
BASE=http://127.0.0.1:$PORT
PASSWORD="Bench-Kennwort-$(od -An -N6 -tu8 /dev/urandom | tr -d ' ')"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

LOG_TAG=admin-bench
# shellcheck source=common.sh
. "$HERE/common.sh"

require_commands wrk curl
command -v java >/dev/null || die "java (17 or newer) is not on the PATH"
[ -f "$JAR" ] || die "$JAR is missing: mvn -B package -DskipTests"
[ -n "$EVENTS_JAR" ] || die "modules/events/target/events-*.jar is missing: mvn -B package -DskipTests"
if curl -s -o /dev/null "$BASE/"; then die "port $PORT is already in use"; fi

make_workdir ringportal-admin-bench

log "starting the portal on port $PORT"
t0=$(now_ms)
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
RINGPORTAL_ADMIN_PASSWORD=$PASSWORD java $JAVA_OPTS -jar "$JAR" --port "$PORT" --data-dir "$WORK/data" \
    --deploy-dir "$WORK/deploy" >"$WORK/portal.log" 2>&1 &
PORTAL_PID=$!
PIDS+=("$PORTAL_PID")
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/anmelden" || true)" = 200 ] \
    && grep -q 'Administrationskonto „admin“' "$WORK/portal.log"; do
    kill -0 "$PORTAL_PID" 2>/dev/null || { tail -n 40 "$WORK/portal.log" >&2; die "the portal exited"; }
    [ $(($(now_ms) - t0)) -lt $START_TIMEOUT_MS ] || { tail -n 40 "$WORK/portal.log" >&2; die "no login page"; }
    sleep 0.05
done
log "login page up after $(($(now_ms) - t0)) ms"

# log in as the administrator; one cookie jar holds the CSRF cookie and the session
COOKIES=$WORK/cookies.txt
curl -s -c "$COOKIES" -o "$WORK/login.html" "$BASE/anmelden"
TOKEN=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/login.html" | head -n 1 | sed 's/.*value="//; s/"$//')
[ -n "$TOKEN" ] || die "no CSRF token on /anmelden"
status=$(curl -s -b "$COOKIES" -c "$COOKIES" -o /dev/null -w '%{http_code}' \
    --data "_csrf=$TOKEN&benutzer=admin&passwort=$PASSWORD&ziel=%2F" "$BASE/anmelden")
[ "$status" = 303 ] || die "login answered $status, not 303"

# One install through the upload form; prints "<upload ms> <until /veranstaltungen answers 200 ms>".
install_events() {
    local started uploaded code
    started=$(now_ms)
    code=$(curl -s -b "$COOKIES" -o "$WORK/upload.html" -w '%{http_code}' -F "_csrf=$TOKEN" \
        -F "datei=@$EVENTS_JAR;type=application/java-archive" "$BASE/admin/erweiterungen/hochladen?_csrf=$TOKEN")
    uploaded=$(now_ms)
    [ "$code" = 200 ] && grep -q 'ist installiert und gestartet' "$WORK/upload.html" \
        || { grep -o 'role="alert">.*' "$WORK/upload.html" >&2 || true; die "upload answered $code"; }
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/veranstaltungen")" = 200 ]; do
        [ $(($(now_ms) - started)) -lt 30000 ] || die "/veranstaltungen did not answer 200 within 30 s"
        sleep 0.005
    done
    echo "$((uploaded - started)) $(($(now_ms) - started))"
}

# Removal through the confirmation form; prints the ms until /veranstaltungen answers 404.
remove_events() {
    local id started code
    curl -s -b "$COOKIES" -o "$WORK/list.html" "$BASE/admin/erweiterungen"
    id=$(awk '/<tr id="bundle-/ { match($0, /bundle-[0-9]+/); id = substr($0, RSTART + 7, RLENGTH - 7) }
              /<small>de.ringportal.events<\/small>/ { print id; exit }' "$WORK/list.html")
    [ -n "$id" ] || die "the events module is not in the list"
    started=$(now_ms)
    code=$(curl -s -b "$COOKIES" -o "$WORK/remove.html" -w '%{http_code}' \
        --data "_csrf=$TOKEN&aktion=entfernen&id=$id&bestaetigt=ja" "$BASE/admin/erweiterungen/aktion")
    [ "$code" = 200 ] && grep -q 'ist entfernt' "$WORK/remove.html" || die "removal answered $code"
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/veranstaltungen")" = 404 ]; do
        [ $(($(now_ms) - started)) -lt 30000 ] || die "/veranstaltungen still answers after 30 s"
        sleep 0.005
    done
    echo "$(($(now_ms) - started))"
}

# --- (a) upload until the new route answers 200, and removal -------------------------------------------------
log "warm-up: one install and removal"
install_events >/dev/null
remove_events >/dev/null
: >"$WORK/timings.txt"
for run in $(seq 1 "$RUNS"); do
    read -r upload_ms ready_ms < <(install_events)
    remove_ms=$(remove_events)
    echo "$upload_ms $ready_ms $remove_ms" >>"$WORK/timings.txt"
    log "run $run: upload answered after $upload_ms ms, /veranstaltungen 200 after $ready_ms ms, removed in $remove_ms ms"
done
stats() { sort -n | awk '{ v[NR] = $1 } END { printf "%d (%d–%d)", v[int((NR + 1) / 2)], v[1], v[NR] }'; }
upload_stats=$(cut -d' ' -f1 "$WORK/timings.txt" | stats)
ready_stats=$(cut -d' ' -f2 "$WORK/timings.txt" | stats)
remove_stats=$(cut -d' ' -f3 "$WORK/timings.txt" | stats)
cycle_ms=$(awk '{ s += $2 + $3 } END { printf "%d", s / NR }' "$WORK/timings.txt")

# --- (b) a steady client on / and /impressum while the module comes and goes CYCLES times ---------------------
cat >"$WORK/client.lua" <<'LUA'
-- alternates the start page and a content page; counts every answer that is not 200
local paths = {"/", "/impressum"}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) n = 0; not_200 = 0 end
function request() n = n + 1; return wrk.format("GET", paths[(n % #paths) + 1]) end
function response(status, headers, body) if status ~= 200 then not_200 = not_200 + 1 end end
function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("not_200") end
  io.write(string.format("Not 200: %d\n", bad))
end
LUA
# long enough for all cycles (measured above) plus a margin; the client stops with wrk's duration
duration=$(( (CYCLES * cycle_ms * 3 / 2) / 1000 + 5 ))
log "steady client: wrk -t1 -c$CLIENT_CONNECTIONS -d${duration}s on / and /impressum during $CYCLES cycles"
wrk -t1 "-c$CLIENT_CONNECTIONS" "-d${duration}s" --latency -s "$WORK/client.lua" "$BASE" >"$WORK/client.wrk.txt" &
WRK_PID=$!
PIDS+=("$WRK_PID")
sleep 1
cycles_started=$(now_ms)
for cycle in $(seq 1 "$CYCLES"); do
    install_events >/dev/null
    remove_events >/dev/null
done
cycles_ms=$(($(now_ms) - cycles_started))
log "$CYCLES cycles in $cycles_ms ms; waiting for the client to finish"
wait "$WRK_PID" || true
cat "$WORK/client.wrk.txt" >&2
client_not_200=$(awk '/^Not 200:/ { print $3 }' "$WORK/client.wrk.txt")
client_total=$(awk '/requests in/ { print $1 }' "$WORK/client.wrk.txt")
rss_kb=$(awk '/^VmRSS/ { print $2 }' "/proc/$PORTAL_PID/status")

kill -TERM "$PORTAL_PID"
wait "$PORTAL_PID" 2>/dev/null || true
PIDS=()

{
    echo "# Ringportal bundle administration benchmark"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')," \
        "$(nproc) cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo))," \
        "load average before the run $LOAD_BEFORE"
    echo "$(java -version 2>&1 | sed -n 2p); JVM flags: ${JAVA_OPTS:-none (JVM defaults)};" \
        "events jar $(du -k "$EVENTS_JAR" | cut -f1) kB"
    echo
    echo "| measure | result | target | |"
    echo "|---|---|---|---|"
    echo "| upload answered (check, install, start, route settled), ms, median (min–max) of $RUNS | $upload_stats | | |"
    echo "| upload until /veranstaltungen answers 200, ms, median (min–max) | $ready_stats | | |"
    echo "| confirmed removal until /veranstaltungen answers 404, ms, median (min–max) | $remove_stats | | |"
    echo "| $CYCLES install/remove cycles through the page, total ms | $cycles_ms | | |"
    echo "| steady client (/ and /impressum, $CLIENT_CONNECTIONS connections) during the cycles: requests served | $client_total ($(wrk_rps "$WORK/client.wrk.txt")/s) | | |"
    echo "| steady client: answers other than 200, socket errors | $client_not_200, $(wrk_errors "$WORK/client.wrk.txt") | 0 | $(verdict "$client_not_200 == 0") |"
    echo "| steady client latency p50 / p99 (ms) | $(wrk_ms "$WORK/client.wrk.txt" 50) / $(wrk_ms "$WORK/client.wrk.txt" 99) | | |"
    echo "| portal resident memory after all cycles (MB) | $((rss_kb / 1024)) | | |"
    echo
    echo "Each install is one multipart POST of the events jar to /admin/erweiterungen/hochladen (the check of the"
    echo "file against the running framework, a rollback point, install, start, waiting until its servlets reach the"
    echo "whiteboard), then GET /veranstaltungen every 5 ms until 200 (the schema migration check runs in between)."
    echo "Removal is the confirmed POST to /admin/erweiterungen/aktion (rollback point, uninstall, wiring refresh)."
    echo "The steady client is wrk -t1 -c$CLIENT_CONNECTIONS alternating / and /impressum for ${duration} s, which"
    echo "covers the $CYCLES cycles and a few seconds before and after them. Portal, wrk and curl share the same cores."
} | tee "$HERE/admin-results.md"
