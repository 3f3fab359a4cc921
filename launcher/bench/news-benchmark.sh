#!/usr/bin/env bash
# News benchmark of the runnable jar: requests per second and latency of the news archive, an article page, the
# start page with its news section and the Atom feed, with 40 published articles written through the editor form.
#
#   launcher/bench/news-benchmark.sh
#
# Settings (environment): DURATION=10s and WARMUP=5s for wrk, ARTICLES=40, PORT=18084, JAVA_OPTS="" (empty means
# JVM defaults), KEEP=1 keeps the temporary folder with the logs. Prints a Markdown table and writes it to
# launcher/bench/news-results.md.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=$ROOT/launcher/target/ringportal.jar
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
ARTICLES=${ARTICLES:-40}
PORT=${PORT:-18084}
JAVA_OPTS=${JAVA_OPTS:-}
WRK_ARGS=(-t2 -c32 "-d$DURATION" --latency)
START_TIMEOUT_MS=60000
BASE=http://127.0.0.1:$PORT

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

LOG_TAG=news-bench
# shellcheck source=common.sh
. "$HERE/common.sh"

require_commands wrk curl
command -v java >/dev/null || die "java (17 or newer) is not on the PATH"
[ -f "$JAR" ] || die "$JAR is missing: build it first with mvn -B -q package -DskipTests"
if curl -s -o /dev/null "$BASE/"; then die "port $PORT is already in use"; fi

make_workdir ringportal-news-bench

# --- start the portal with the demo accounts (the Redaktion's password is printed at start) --------------------
log "starting the portal on port $PORT"
t0=$(now_ms)
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
RINGPORTAL_DEMO=true java $JAVA_OPTS -jar "$JAR" --port "$PORT" --data-dir "$WORK/data" \
    --deploy-dir "$WORK/deploy" >"$WORK/portal.log" 2>&1 &
PORTAL_PID=$!
PIDS+=("$PORTAL_PID")
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/aktuelles" || true)" = 200 ] \
    && grep -q '^ *demo-redaktion ' "$WORK/portal.log"; do
    kill -0 "$PORTAL_PID" 2>/dev/null || { tail -n 40 "$WORK/portal.log" >&2; die "the portal exited"; }
    [ $(($(now_ms) - t0)) -lt $START_TIMEOUT_MS ] || { tail -n 40 "$WORK/portal.log" >&2; die "no news page"; }
    sleep 0.05
done
log "news archive up after $(($(now_ms) - t0)) ms"
PASSWORD=$(awk '$1 == "demo-redaktion" { print $2; exit }' "$WORK/portal.log")

# --- log in as the Redaktion and write the articles through the editor form --------------------------------------
token_of() { grep -o 'name="_csrf" value="[^"]*"' "$1" | head -n 1 | sed 's/.*value="//; s/"$//'; }
curl -s -c "$WORK/cookies" -o "$WORK/login.html" "$BASE/anmelden"
TOKEN=$(token_of "$WORK/login.html")
status=$(curl -s -b "$WORK/cookies" -c "$WORK/cookies" -o /dev/null -w '%{http_code}' \
    --data-urlencode "_csrf=$TOKEN" --data-urlencode "benutzer=demo-redaktion" \
    --data-urlencode "passwort=$PASSWORD" --data-urlencode "ziel=/" "$BASE/anmelden")
[ "$status" = 303 ] || die "login answered $status"
BODY=$(printf '%s\n\n' "Die Vergleichsringe haben ihre **Kennzahlen** für das Jahr abgestimmt und veröffentlichen" \
    "- die Eingliederungsquote," "- die Integrationsquote und" "[den Bericht](/aktuelles) mit allen Zahlen." \
    "$(printf 'Ein längerer Absatz mit Text. %.0s' $(seq 1 40))")
log "writing $ARTICLES articles"
for i in $(seq 1 "$ARTICLES"); do
    curl -s -b "$WORK/cookies" -o "$WORK/form.html" "$BASE/aktuelles/redaktion/neu"
    status=$(curl -s -b "$WORK/cookies" -o /dev/null -w '%{http_code} %{redirect_url}' \
        --data-urlencode "_csrf=$(token_of "$WORK/form.html")" --data-urlencode "titel=Kennzahlen Nummer $i" \
        --data-urlencode "anreisser=Kurzfassung der Nachricht $i." --data-urlencode "text=$BODY" \
        --data-urlencode "datum=" --data-urlencode "status=published" --data-urlencode "aktion=speichern" \
        "$BASE/aktuelles/redaktion/neu")
    [ "${status%% *}" = 303 ] || die "saving article $i answered $status"
    ARTICLE=${status#* }
done
ARTICLE_PATH=/${ARTICLE#*://*/}
curl -s "$BASE$ARTICLE_PATH" | grep -q '<h1>Kennzahlen Nummer' || die "$ARTICLE_PATH does not show the article"
curl -s "$BASE/aktuelles" | grep -q 'Seite 1 von' || die "the archive is not paged"

# --- wrk, anonymous visitors ---------------------------------------------------------------------------------------
declare -A PATHS=([baseline]=/impressum [archive]=/aktuelles [archive_page3]="/aktuelles?seite=3" [article]="$ARTICLE_PATH" [start]=/ \
    [feed]=/aktuelles/feed.atom)
for name in baseline archive archive_page3 article start feed; do
    url="$BASE${PATHS[$name]}"
    log "$name: warm-up ($WARMUP), then wrk ${WRK_ARGS[*]} $url"
    wrk -t2 -c32 "-d$WARMUP" "$url" >"$WORK/$name.warmup.txt"
    wrk "${WRK_ARGS[@]}" "$url" >"$WORK/$name.wrk.txt"
    cat "$WORK/$name.wrk.txt" >&2
done
RSS_KB=$(awk '/^VmRSS/ { print $2 }' "/proc/$PORTAL_PID/status")
kill -TERM "$PORTAL_PID"
wait "$PORTAL_PID" 2>/dev/null || true
PIDS=()

# --- report ----------------------------------------------------------------------------------------------------------
row() {
    local f="$WORK/$2.wrk.txt"
    echo "| $1 | $(wrk_rps "$f") | $(wrk_ms "$f" 50) | $(wrk_ms "$f" 99) | $(wrk_errors "$f") |"
}
{
    echo "# Ringportal news benchmark"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')," \
        "$(nproc) cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo))," \
        "load average before the run $LOAD_BEFORE"
    echo "$(java -version 2>&1 | sed -n 2p); JVM flags: ${JAVA_OPTS:-none (JVM defaults)}"
    echo
    echo "| page (anonymous visitor) | requests/s | p50 ms | p99 ms | failed responses, socket errors |"
    echo "|---|---|---|---|---|"
    row "baseline: \`/impressum\` (a stored page, no news)" baseline
    row "news archive \`/aktuelles\` (10 of $ARTICLES articles, year list, paging)" archive
    row "news archive, page 3 \`/aktuelles?seite=3\`" archive_page3
    row "article page \`$ARTICLE_PATH\` (body rendered once per save, then kept)" article
    row "start page \`/\` with the news section" start
    row "Atom feed \`/aktuelles/feed.atom\` (20 entries with HTML content, kept until the next save)" feed
    echo
    echo "Portal resident memory after the runs: $((RSS_KB / 1024)) MB."
    echo "$ARTICLES articles written through the editor form (CSRF token, Redaktion demo account) before the runs;"
    echo "each run: wrk ${WRK_ARGS[*]} after a $WARMUP warm-up, without cookies. Portal, wrk and curl share the"
    echo "same $(nproc) cores; other work on the machine shows in the load average above."
} | tee "$HERE/news-results.md"
