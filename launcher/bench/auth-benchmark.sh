#!/usr/bin/env bash
# Login benchmark of the runnable jar: CPU time of one Argon2id hash (m=19456, t=3, p=1) with the portal's own code,
# login throughput and latency over HTTP, and the start page's throughput and p99 anonymous vs logged in.
#
#   launcher/bench/auth-benchmark.sh
#   BEFORE_JAR=/tmp/ringportal-main.jar launcher/bench/auth-benchmark.sh   # and: logged in, that jar against this
#
# Settings (environment): DURATION=15s and WARMUP=10s for wrk, LOGIN_CONNECTIONS=4 (connections posting the login
# form at once; the portal runs at most one Argon2id check per core, more only queue), HASH_RUNS=30, PORT=18082,
# JAVA_OPTS="" (empty means JVM defaults), KEEP=1 keeps the temporary folder with the logs, JAR (default
# launcher/target/ringportal.jar). With BEFORE_JAR (an older build, e.g. main's before a change), the logged-in start
# page is also measured on both jars, running side by side on PORT and PORT+1, each warmed up, ROUNDS=2 times each
# (before, after, after, before: drift on a shared machine falls on both), each on a fresh data folder and session.
# WARMUP is in seconds here (10s). Prints a Markdown table and writes it to
# launcher/bench/auth-results.md.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=${JAR:-$ROOT/launcher/target/ringportal.jar}
BEFORE_JAR=${BEFORE_JAR:-}
ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
LOGIN_CONNECTIONS=${LOGIN_CONNECTIONS:-4}
HASH_RUNS=${HASH_RUNS:-30}
PORT=${PORT:-18082}
JAVA_OPTS=${JAVA_OPTS:-}
PAGE_WRK_ARGS=(-t2 -c32 "-d$DURATION" --latency)
LOGIN_WRK_ARGS=(-t1 "-c$LOGIN_CONNECTIONS" "-d$DURATION" --latency)
START_TIMEOUT_MS=60000
BASE=http://127.0.0.1:$PORT
# letters, digits and hyphens only, so it needs no encoding in a form body; passes the password policy
PASSWORD="Bench-Kennwort-$(od -An -N6 -tu8 /dev/urandom | tr -d ' ')"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

LOG_TAG=auth-bench
# shellcheck source=common.sh
. "$HERE/common.sh"

# --- requirements -------------------------------------------------------------------------------------------
require_commands wrk curl unzip
command -v java >/dev/null || die "java (17 or newer) is not on the PATH"
if [ ! -f "$JAR" ]; then
    log "$JAR is missing; building it: mvn -B -q install -DskipTests"
    (cd "$ROOT" && mvn -B -q install -DskipTests)
fi
if curl -s -o /dev/null "$BASE/"; then die "port $PORT is already in use"; fi
[ -z "$BEFORE_JAR" ] || [ -f "$BEFORE_JAR" ] || die "BEFORE_JAR $BEFORE_JAR is missing"

make_workdir ringportal-auth-bench

wrk_rps1() { awk '/^Requests\/sec:/ { printf "%.1f", $2 }' "$1"; }

# --- (a) Argon2id: CPU per hash with the shipped accounts bundle ----------------------------------------------
# The bundle embeds password4j privately; on a class path with slf4j-api its Passwords class runs as in the portal.
unzip -q -o -j "$JAR" bundles/auth.jar bundles/slf4j-api.jar -d "$WORK/classpath"
log "Argon2id: $HASH_RUNS hashes and checks on one thread"
java $JAVA_OPTS -cp "$WORK/classpath/auth.jar:$WORK/classpath/slf4j-api.jar" "$HERE/Argon2Bench.java" "$HASH_RUNS" \
    2>/dev/null >"$WORK/argon2.txt" || die "Argon2Bench failed"
cat "$WORK/argon2.txt" >&2
argon2() { awk -v k="$1" -v f="$2" '$1 == k { print $f }' "$WORK/argon2.txt"; }

# --- start the portal with a known administrator password ---------------------------------------------------
# start_portal JAR NAME: starts that jar on $PORT with data in $WORK/NAME, sets PORTAL_PID once the login page is up.
start_portal() {
    log "starting $1 on port $PORT"
    local t0
    t0=$(now_ms)
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
    RINGPORTAL_ADMIN_PASSWORD=$PASSWORD java $JAVA_OPTS -jar "$1" --port "$PORT" --data-dir "$WORK/$2/data" \
        --deploy-dir "$WORK/$2/deploy" >"$WORK/$2.log" 2>&1 &
    PORTAL_PID=$!
    PIDS+=("$PORTAL_PID")
    # /health answers before the accounts module has created the administrator: wait for the login page and that line
    until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/anmelden" || true)" = 200 ] \
        && grep -q 'Administrationskonto „admin“' "$WORK/$2.log"; do
        kill -0 "$PORTAL_PID" 2>/dev/null || { tail -n 40 "$WORK/$2.log" >&2; die "the portal exited"; }
        [ $(($(now_ms) - t0)) -lt $START_TIMEOUT_MS ] || { tail -n 40 "$WORK/$2.log" >&2; die "no login page"; }
        sleep 0.05
    done
    log "login page up after $(($(now_ms) - t0)) ms"
}

stop_portal() {
    kill -TERM "$PORTAL_PID"
    wait "$PORTAL_PID" 2>/dev/null || true
    PIDS=()
}

cookie_value() { awk -v n="$2" -F'\t' '$6 == n { print $7 }' "$1"; }

# log_in: a CSRF token and its cookie, as a browser gets them with the login form (TOKEN, LOGIN_BODY), then one login
# with curl, which must answer 303 and set the session (SESSION) shown on the start page.
log_in() {
    curl -s -c "$WORK/csrf.jar" -o "$WORK/login.html" "$BASE/anmelden"
    TOKEN=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/login.html" | head -n 1 | sed 's/.*value="//; s/"$//')
    [ -n "$TOKEN" ] || die "no CSRF token on /anmelden"
    [ "$(cookie_value "$WORK/csrf.jar" rp_csrf)" = "$TOKEN" ] || die "the CSRF cookie does not carry the form's token"
    LOGIN_BODY="_csrf=$TOKEN&benutzer=admin&passwort=$PASSWORD&ziel=%2F"
    local status
    status=$(curl -s -b "$WORK/csrf.jar" -c "$WORK/session.jar" -o /dev/null -w '%{http_code}' \
        -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "$LOGIN_BODY" "$BASE/anmelden")
    [ "$status" = 303 ] || die "login answered $status, not 303"
    SESSION=$(cookie_value "$WORK/session.jar" rp_session)
    [ -n "$SESSION" ] || die "login set no session cookie"
    curl -s -H "Cookie: rp_session=$SESSION" "$BASE/" | grep -q 'Angemeldet: <strong>Administration</strong>' \
        || die "the start page does not show the login"
}

start_portal "$JAR" portal
log_in

# --- (b) login throughput -------------------------------------------------------------------------------------
cat >"$WORK/login.lua" <<'LUA'
-- POSTs the login form with a valid CSRF token and cookie; counts the answers that are not 303 (login failed).
wrk.method = "POST"
wrk.body = os.getenv("LOGIN_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "rp_csrf=" .. os.getenv("TOKEN")
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) not_303 = 0 end
function response(status, headers, body) if status ~= 303 then not_303 = not_303 + 1 end end
function done(summary, latency, requests)
  local n = 0
  for _, thread in ipairs(threads) do n = n + thread:get("not_303") end
  io.write(string.format("Not 303: %d\n", n))
end
LUA
export LOGIN_BODY TOKEN
log "login: warm-up (5s), then wrk ${LOGIN_WRK_ARGS[*]} -s login.lua POST /anmelden"
wrk -t1 "-c$LOGIN_CONNECTIONS" -d5s -s "$WORK/login.lua" "$BASE/anmelden" >"$WORK/login.warmup.txt"
cpu_before=$(awk '{ print $14 + $15 }' "/proc/$PORTAL_PID/stat")
wrk "${LOGIN_WRK_ARGS[@]}" -s "$WORK/login.lua" "$BASE/anmelden" >"$WORK/login.wrk.txt"
cpu_after=$(awk '{ print $14 + $15 }' "/proc/$PORTAL_PID/stat")
cat "$WORK/login.wrk.txt" >&2
login_not_303=$(awk '/^Not 303:/ { print $3 }' "$WORK/login.wrk.txt")
login_total=$(awk '/requests in/ { print $1 }' "$WORK/login.wrk.txt")
login_cpu_ms=$(awk -v t="$((cpu_after - cpu_before))" -v hz="$(getconf CLK_TCK)" -v n="$login_total" \
    'BEGIN { printf "%.0f", t * 1000 / hz / n }')

# --- (c) start page, anonymous vs logged in -------------------------------------------------------------------
# anonymous: a first visit without cookies (the portal issues a CSRF cookie for the header's login form each time);
# returning: an anonymous visitor who already holds that cookie; loggedin: the session of the login above.
for who in anonymous returning loggedin; do
    headers=()
    if [ "$who" = returning ]; then headers=(-H "Cookie: rp_csrf=$TOKEN"); fi
    if [ "$who" = loggedin ]; then headers=(-H "Cookie: rp_session=$SESSION"); fi
    log "$who: warm-up ($WARMUP), then wrk ${PAGE_WRK_ARGS[*]} ${headers[*]+"${headers[*]}"} $BASE/"
    wrk -t2 -c32 "-d$WARMUP" "${headers[@]+"${headers[@]}"}" "$BASE/" >"$WORK/$who.warmup.txt"
    wrk "${PAGE_WRK_ARGS[@]}" "${headers[@]+"${headers[@]}"}" "$BASE/" >"$WORK/$who.wrk.txt"
    cat "$WORK/$who.wrk.txt" >&2
done
# the session outlived the runs (each request renews its idle time): the logged-in numbers are logged-in pages
curl -s -H "Cookie: rp_session=$SESSION" "$BASE/" | grep -q 'Angemeldet:' || die "the session ended during the run"
stop_started=$(now_ms)
stop_portal
log "portal stopped in $(($(now_ms) - stop_started)) ms"

# --- (d) with BEFORE_JAR: the logged-in start page on the older jar and on this one, in turn --------------------
compare_rows=()
if [ -n "$BEFORE_JAR" ]; then
    # Both jars run side by side (the one not measured idles), each on a fresh data folder with one login and a
    # warm-up of twice WARMUP, so that the rounds compare warmed-up JVMs; before, after, after, before, ...: a load
    # that rises or falls during the run falls on both jars alike.
    declare -A pid_of session_of port_of
    port_of[after]=$PORT
    port_of[before]=$((PORT + 1))
    for which in after before; do
        jar=$JAR
        if [ "$which" = before ]; then jar=$BEFORE_JAR; fi
        PORT=${port_of[$which]}
        BASE=http://127.0.0.1:$PORT
        if curl -s -o /dev/null "$BASE/"; then die "port $PORT is already in use"; fi
        start_portal "$jar" "$which"
        log_in
        pid_of[$which]=$PORTAL_PID
        session_of[$which]=$SESSION
    done
    for which in after before; do
        log "$which: warm-up ($((2 * ${WARMUP%s}))s, logged in) on port ${port_of[$which]}"
        wrk -t2 -c32 "-d$((2 * ${WARMUP%s}))s" -H "Cookie: rp_session=${session_of[$which]}" \
            "http://127.0.0.1:${port_of[$which]}/" >/dev/null
    done
    for round in $(seq 1 "$ROUNDS"); do
        order="before after"
        if [ $((round % 2)) = 0 ]; then order="after before"; fi
        for which in $order; do
            pid=${pid_of[$which]}
            ticks_before=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
            wrk "${PAGE_WRK_ARGS[@]}" -H "Cookie: rp_session=${session_of[$which]}" \
                "http://127.0.0.1:${port_of[$which]}/" >"$WORK/$which-$round.wrk.txt"
            ticks_after=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
            # the portal's CPU per request: less sensitive than requests/s to what else runs on a shared machine
            awk -v t="$((ticks_after - ticks_before))" -v hz="$(getconf CLK_TCK)" \
                -v n="$(awk '/requests in/ { print $1 }' "$WORK/$which-$round.wrk.txt")" \
                'BEGIN { printf "%.0f\n", t * 1000000 / hz / n }' >"$WORK/$which-$round.cpu"
            log "$which, round $round: $(wrk_rps "$WORK/$which-$round.wrk.txt") requests/s," \
                "$(cat "$WORK/$which-$round.cpu") µs portal CPU per request"
        done
    done
    for which in after before; do
        curl -s -H "Cookie: rp_session=${session_of[$which]}" "http://127.0.0.1:${port_of[$which]}/" \
            | grep -q 'Angemeldet:' || die "the session on the $which jar ended during the run"
        kill -TERM "${pid_of[$which]}"
        wait "${pid_of[$which]}" 2>/dev/null || true
    done
    PIDS=()
    mean_rps() { cat "$WORK"/"$1"-*.wrk.txt | awk '/^Requests\/sec:/ { s += $2; n++ } END { printf "%.0f", s / n }'; }
    before_rps=$(mean_rps before)
    after_rps=$(mean_rps after)
    change=$(awk -v a="$after_rps" -v b="$before_rps" 'BEGIN { printf "%.2f", a / b }')
    each() { for f in "$WORK"/"$1"-*.wrk.txt; do wrk_rps "$f"; echo; done | paste -sd/ -; }
    mean_cpu() { cat "$WORK"/"$1"-*.cpu | awk '{ s += $1; n++ } END { printf "%.0f", s / n }'; }
    cpu_change=$(awk -v a="$(mean_cpu after)" -v b="$(mean_cpu before)" 'BEGIN { printf "%.2f", a / b }')
    compare_rows+=("| start page, logged in, before ($(basename "$BEFORE_JAR"), $(sha256sum "$BEFORE_JAR" | cut -c1-12)): requests/s, mean of $ROUNDS ($(each before)) | $before_rps | | |")
    compare_rows+=("| start page, logged in, this jar: requests/s, mean of $ROUNDS ($(each after)) | $after_rps | | |")
    compare_rows+=("| logged in, this jar / before | $change | ≥ 0.9 | $(verdict "$change >= 0.9") |")
    compare_rows+=("| portal CPU per logged-in request, before / this jar (µs, mean of $ROUNDS; each: $(cat "$WORK"/before-*.cpu | paste -sd/ -) and $(cat "$WORK"/after-*.cpu | paste -sd/ -)) | $(mean_cpu before) / $(mean_cpu after) | | |")
    compare_rows+=("| CPU per logged-in request, this jar / before | $cpu_change | ≤ 1.11 | $(verdict "$cpu_change <= 1.11") |")
    compare_rows+=("| p99 latency logged in, before / this jar, last round (ms) | $(wrk_ms "$WORK/before-$ROUNDS.wrk.txt" 99) / $(wrk_ms "$WORK/after-$ROUNDS.wrk.txt" 99) | | |")
fi
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- report -------------------------------------------------------------------------------------------------
anon_rps=$(wrk_rps "$WORK/anonymous.wrk.txt")
returning_rps=$(wrk_rps "$WORK/returning.wrk.txt")
logged_rps=$(wrk_rps "$WORK/loggedin.wrk.txt")
ratio=$(awk -v a="$logged_rps" -v b="$anon_rps" 'BEGIN { printf "%.2f", a / b }')
ratio_returning=$(awk -v a="$logged_rps" -v b="$returning_rps" 'BEGIN { printf "%.2f", a / b }')
hash_cpu=$(argon2 hash_cpu_ms 2)
check_cpu=$(argon2 check_cpu_ms 2)
cores=$(nproc)
ceiling=$(awk -v c="$cores" -v ms="$check_cpu" 'BEGIN { printf "%.0f", c * 1000 / ms }')

{
    echo "# Ringportal login benchmark"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')," \
        "$cores cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo))," \
        "$(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM," \
        "load average before the run $LOAD_BEFORE, after it $LOAD_AFTER"
    echo "$(java -version 2>&1 | sed -n 2p); JVM flags: ${JAVA_OPTS:-none (JVM defaults)}"
    echo "Command: \`${BEFORE_JAR:+BEFORE_JAR=$BEFORE_JAR ROUNDS=$ROUNDS }DURATION=$DURATION WARMUP=$WARMUP launcher/bench/auth-benchmark.sh\`" \
        "(jar $(basename "$JAR"), $(sha256sum "$JAR" | cut -c1-12))"
    echo
    echo "| measure | result | target | |"
    echo "|---|---|---|---|"
    echo "| Argon2id hash ($(argon2 parameters 2)), CPU ms, median (min–max) of $(argon2 runs 2) | $hash_cpu ($(argon2 hash_cpu_ms 3)–$(argon2 hash_cpu_ms 4)) | | |"
    echo "| Argon2id check, CPU ms, median (min–max) | $check_cpu ($(argon2 check_cpu_ms 3)–$(argon2 check_cpu_ms 4)) | | |"
    echo "| Argon2id hash / check, wall ms, median | $(argon2 hash_wall_ms 2) / $(argon2 check_wall_ms 2) | | |"
    echo "| login (POST /anmelden, right password → 303): logins/s | $(wrk_rps1 "$WORK/login.wrk.txt") | ≤ $ceiling ($cores cores / check CPU) | |"
    echo "| login latency p50 / p99 (ms) | $(wrk_ms "$WORK/login.wrk.txt" 50) / $(wrk_ms "$WORK/login.wrk.txt" 99) | | |"
    echo "| login: answers other than 303, socket errors | $login_not_303, $(wrk_errors "$WORK/login.wrk.txt") | 0 | $(verdict "$login_not_303 == 0") |"
    echo "| portal CPU per login (ms, all threads) | $login_cpu_ms | | |"
    echo "| start page, anonymous first visit (no cookie): requests/s | $anon_rps | | |"
    echo "| start page, anonymous with CSRF cookie: requests/s | $returning_rps | | |"
    echo "| start page, logged in: requests/s | $logged_rps | ≥ $(awk -v b="$anon_rps" -v r="$returning_rps" 'BEGIN { printf "%.0f", (b > r ? b : r) / 2 }') | $(verdict "$ratio >= 0.5 && $ratio_returning >= 0.5") |"
    echo "| logged in / anonymous throughput (first visit; with CSRF cookie) | $ratio; $ratio_returning | ≥ 0.5 | $(verdict "$ratio >= 0.5 && $ratio_returning >= 0.5") |"
    echo "| p99 latency, anonymous / with CSRF cookie / logged in (ms) | $(wrk_ms "$WORK/anonymous.wrk.txt" 99) / $(wrk_ms "$WORK/returning.wrk.txt" 99) / $(wrk_ms "$WORK/loggedin.wrk.txt" 99) | | |"
    echo "| p50 latency, anonymous / with CSRF cookie / logged in (ms) | $(wrk_ms "$WORK/anonymous.wrk.txt" 50) / $(wrk_ms "$WORK/returning.wrk.txt" 50) / $(wrk_ms "$WORK/loggedin.wrk.txt" 50) | | |"
    echo "| failed responses or socket errors, anonymous / with CSRF cookie / logged in | $(wrk_errors "$WORK/anonymous.wrk.txt") / $(wrk_errors "$WORK/returning.wrk.txt") / $(wrk_errors "$WORK/loggedin.wrk.txt") | 0 | |"
    for row in "${compare_rows[@]+"${compare_rows[@]}"}"; do echo "$row"; done
    echo
    echo "Argon2id: the shipped accounts bundle's Passwords class (password4j inside it) on one thread, $HASH_RUNS runs"
    echo "after 5 warm-up rounds; CPU time from ThreadMXBean. Login: wrk ${LOGIN_WRK_ARGS[*]} posting the login form"
    echo "with one valid CSRF token and cookie, after a 5 s warm-up; every answer is checked to be 303 (a session is"
    echo "created each time; the portal checks at most one password per core at a time). Start page: wrk"
    echo "${PAGE_WRK_ARGS[*]} after a $WARMUP warm-up each; first-visit requests carry no cookie (each gets a new"
    echo "random CSRF token and cookie for the header's login form), returning ones the CSRF cookie, logged-in ones the"
    echo "session cookie of one login (header with the name and the logout button, Cache-Control: no-store)."
    if [ -n "$BEFORE_JAR" ]; then
        echo "Before / this jar: both jars run side by side, each on a fresh data folder with one login, warmed up for"
        echo "twice $WARMUP logged in; then the logged-in start page as above on each in turn (before, this, this, before,"
        echo "...); $ROUNDS rounds, the mean of their requests/s and of the portal's CPU time (user + system) per request."
    fi
    echo "Portal, wrk and curl share the same $cores cores; other work on the machine shows in the load average above."
} | tee "$HERE/auth-results.md"
