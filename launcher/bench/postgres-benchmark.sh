#!/usr/bin/env bash
# Page throughput of the runnable jar on PostgreSQL next to embedded Derby, in one run: the same jar is started with
# --demo twice, once on Derby (its own data directory) and once on a throwaway PostgreSQL server (Debian's
# initdb/pg_ctl, a fresh cluster in a temporary folder), and wrk measures, for each, the start page (/), the news
# (/aktuelles), the municipality list (/kommunen) and one logged-in key figure ring table of the demo member's ring.
# The two portals run one after the other, so they never share the two cores.
#
#   launcher/bench/postgres-benchmark.sh
#
# Settings (environment): DURATION=10s and WARMUP=3s for wrk (-t2 -c32), PORT=18083, PG_PORT=15433, JAVA_OPTS=""
# (empty means JVM defaults), KEEP=1 keeps the temporary folder with the logs. Prints a Markdown table and writes it
# to launcher/bench/postgres-results.md.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=$ROOT/launcher/target/ringportal.jar
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
PORT=${PORT:-18083}
PG_PORT=${PG_PORT:-15433}
JAVA_OPTS=${JAVA_OPTS:-}
WRK_ARGS=(-t2 -c32 "-d$DURATION" --latency)
BASE=http://127.0.0.1:$PORT
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

LOG_TAG=postgres-bench
# shellcheck source=common.sh
. "$HERE/common.sh"

require_commands wrk curl
command -v java >/dev/null || die "java (17 or newer) is not on the PATH"
PG_BIN=$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1)")
[ -x "$PG_BIN/initdb" ] || die "no PostgreSQL server binaries (apt-get install postgresql)"
if [ ! -f "$JAR" ]; then
    log "$JAR is missing; building it: mvn -B -q package -DskipTests"
    (cd "$ROOT" && mvn -B -q package -DskipTests)
fi
if curl -s -o /dev/null "$BASE/"; then die "port $PORT is already in use"; fi

make_workdir ringportal-postgres-bench
chmod 755 "$WORK"
# as root, the cluster belongs to the user postgres (initdb refuses root)
pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_postgres() { pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true; }

log "starting a throwaway PostgreSQL server on port $PG_PORT"
mkdir "$WORK/pg"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"
pg "$PG_BIN/initdb" -D "$WORK/pg" -A trust -U ringportal -E UTF8 >"$WORK/initdb.log"
pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w \
    -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1" start >/dev/null
trap 'stop_postgres; cleanup' EXIT
pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U ringportal ringportal

cookie_value() { awk -v n="$2" -F'\t' '$6 == n { print $7 }' "$1"; }

# measure NAME [portal options...]: starts the portal with --demo, measures the four pages, stops it
measure() {
    local name=$1 t0 pid token session ring year page url
    shift
    log "$name: starting the portal with --demo on port $PORT"
    t0=$(now_ms)
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
    java $JAVA_OPTS -jar "$JAR" --demo --port "$PORT" --data-dir "$WORK/$name-data" --deploy-dir "$WORK/$name-deploy" \
        "$@" >"$WORK/$name.log" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    until grep -q 'synthetic key figure values added for municipalities of the registry' "$WORK/$name.log" \
        && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/health" || true)" = 200 ]; do
        kill -0 "$pid" 2>/dev/null || { tail -n 40 "$WORK/$name.log" >&2; die "$name: the portal exited"; }
        [ $(($(now_ms) - t0)) -lt 180000 ] || { tail -n 40 "$WORK/$name.log" >&2; die "$name: no demo data"; }
        sleep 0.2
    done
    log "$name: UP with demo data after $(($(now_ms) - t0)) ms"
    curl -s "$BASE/health" | grep -q "\"database\":\"UP\"" || die "$name: /health does not say the database is UP"

    # the demo member's session (password from the start output) and the ring of 08426 last year
    token=$(curl -s -c "$WORK/$name.jar" "$BASE/anmelden" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 \
        | sed 's/.*value="//; s/"$//')
    [ "$(curl -s -b "$WORK/$name.jar" -c "$WORK/$name.jar" -o /dev/null -w '%{http_code}' \
        --data-urlencode "_csrf=$token" --data-urlencode "benutzer=demo-mitglied" \
        --data-urlencode "passwort=$(awk '$1 == "demo-mitglied" { print $2 }' "$WORK/$name.log" | tail -n 1)" \
        --data-urlencode "ziel=/" "$BASE/anmelden")" = 303 ] || die "$name: login of demo-mitglied failed"
    session=$(cookie_value "$WORK/$name.jar" rp_session)
    year=$(($(date +%Y) - 1))
    ring=$(curl -s -H "Cookie: rp_session=$session" "$BASE/kennzahlen" \
        | grep -o "/kennzahlen/ring/[^?\"]*?jahr\(=\|&#61;\)$year" | head -n 1 | sed 's#/kennzahlen/ring/##; s#?.*##')
    [ -n "$ring" ] || die "$name: /kennzahlen links no ring of 08426 for $year"

    for page in start news municipalities ring-table; do
        case $page in
            start) url=/ ;;
            news) url=/aktuelles ;;
            municipalities) url=/kommunen ;;
            ring-table) url="/kennzahlen/ring/$ring?kennzahl=K2&jahr=$year" ;;
        esac
        if [ "$page" = ring-table ]; then
            set -- -H "Cookie: rp_session=$session"
            curl -s -H "Cookie: rp_session=$session" "$BASE$url" | grep -q 'Rang' || die "$name: no ring table at $url"
        else
            set --
        fi
        wrk -t2 -c32 "-d$WARMUP" "$@" "$BASE$url" >/dev/null
        wrk "${WRK_ARGS[@]}" "$@" "$BASE$url" >"$WORK/$name-$page.txt"
        RESULTS+=("$page|$name|$url|$(wrk_rps "$WORK/$name-$page.txt")|$(wrk_ms "$WORK/$name-$page.txt" 50)|$(wrk_ms "$WORK/$name-$page.txt" 99)|$(wrk_errors "$WORK/$name-$page.txt")")
        log "$name $page: $(wrk_rps "$WORK/$name-$page.txt") requests/s"
    done
    kill -TERM "$pid"
    wait "$pid" 2>/dev/null || true
}

RESULTS=()
measure derby
measure postgresql --db-url "jdbc:postgresql://127.0.0.1:$PG_PORT/ringportal" --db-user ringportal
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

{
    echo "# PostgreSQL next to Derby: page throughput"
    echo
    echo "\`bash launcher/bench/postgres-benchmark.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average"
    echo "before $LOAD_BEFORE, after $LOAD_AFTER; wrk ${WRK_ARGS[*]} after a ${WARMUP} warm-up; JVM options: ${JAVA_OPTS:-defaults};"
    echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on the same machine (a fresh cluster, defaults); both portals with \`--demo\`."
    echo
    echo "| page | database | path | requests/s | p50 ms | p99 ms | errors | PostgreSQL ÷ Derby |"
    echo "|---|---|---|---|---|---|---|---|"
    for page in start news municipalities ring-table; do
        derby_rps=""
        for row in "${RESULTS[@]}"; do
            IFS='|' read -r p db url rps p50 p99 errors <<<"$row"
            [ "$p" = "$page" ] || continue
            if [ "$db" = derby ]; then derby_rps=$rps; ratio="1"; else ratio=$(awk -v a="$rps" -v b="$derby_rps" 'BEGIN { printf "%.2f", a / b }'); fi
            echo "| $page | $db | \`$url\` | $rps | $p50 | $p99 | $errors | $ratio |"
        done
    done
} | tee "$HERE/postgres-results.md"
