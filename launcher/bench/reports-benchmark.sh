#!/usr/bin/env bash
# Reports and search benchmark of the runnable jar: throughput and latency of the reports list and of a search,
# download throughput of a 20 MB report, and the portal's resident memory while 32 clients download it at once.
#
#   launcher/bench/reports-benchmark.sh
#
# Settings (environment): DURATION=10s and WARMUP=5s for wrk (-t2 -c32), REPORTS=60 (small PDF reports filed
# first, so list and search have something to page and rank), PORT=18085, JAVA_OPTS="" (JVM defaults), KEEP=1 keeps
# the temporary folder with the logs. Prints a Markdown table and writes it to launcher/bench/reports-results.md.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=$ROOT/launcher/target/ringportal.jar
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
REPORTS=${REPORTS:-60}
PORT=${PORT:-18085}
JAVA_OPTS=${JAVA_OPTS:-}
CLIENTS=32
BIG_MB=20
START_TIMEOUT_MS=60000
BASE=http://127.0.0.1:$PORT
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

LOG_TAG=reports-bench
# shellcheck source=common.sh
. "$HERE/common.sh"

require_commands wrk curl python3
command -v java >/dev/null || die "java (17 or newer) is not on the PATH"
[ -f "$JAR" ] || die "$JAR is missing: build it first with mvn -B -q package -DskipTests"
if curl -s -o /dev/null "$BASE/"; then die "port $PORT is already in use"; fi

make_workdir ringportal-reports-bench

# --- a PDF maker: one page with a text, padded with spaces after its end marker to a given size ---------------
cat >"$WORK/pdf.py" <<'PY'
import sys
text, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
stream = "BT /F1 12 Tf 72 760 Td (%s) Tj ET" % text
objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
pdf, offsets = "%PDF-1.4\n", []
for i, o in enumerate(objs):
    offsets.append(len(pdf)); pdf += "%d 0 obj\n%s\nendobj\n" % (i + 1, o)
xref = len(pdf)
pdf += "xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + "".join("%010d 00000 n \n" % o for o in offsets)
pdf += "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
data = pdf.encode("ascii")
with open(out, "wb") as f:
    f.write(data + b" " * max(0, size - len(data)))
PY

# --- start the portal with demo accounts ------------------------------------------------------------------------
log "starting the portal on port $PORT"
t0=$(now_ms)
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
RINGPORTAL_DEMO=true java $JAVA_OPTS -jar "$JAR" --port "$PORT" --data-dir "$WORK/data" \
    --deploy-dir "$WORK/deploy" >"$WORK/portal.log" 2>&1 &
PORTAL_PID=$!
PIDS+=("$PORTAL_PID")
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/berichte" || true)" = 200 ] \
    && grep -q 'demo-redaktion' "$WORK/portal.log"; do
    kill -0 "$PORTAL_PID" 2>/dev/null || { tail -n 40 "$WORK/portal.log" >&2; die "the portal exited"; }
    [ $(($(now_ms) - t0)) -lt $START_TIMEOUT_MS ] || { tail -n 40 "$WORK/portal.log" >&2; die "no /berichte"; }
    sleep 0.05
done
PASSWORD=$(awk '$1 == "demo-redaktion" { print $2; exit }' "$WORK/portal.log")
[ -n "$PASSWORD" ] || die "no demo-redaktion password in the log"

# --- log in as the Redaktion and file the reports ----------------------------------------------------------------
JAR_COOKIES=$WORK/cookies
curl -s -c "$JAR_COOKIES" -o "$WORK/login.html" "$BASE/anmelden"
TOKEN=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/login.html" | head -n 1 | sed 's/.*value="//; s/"$//')
status=$(curl -s -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null -w '%{http_code}' \
    --data "_csrf=$TOKEN&benutzer=demo-redaktion&passwort=$PASSWORD&ziel=%2F" "$BASE/anmelden")
[ "$status" = 303 ] || die "login as demo-redaktion answered $status"
curl -s -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o "$WORK/neu.html" "$BASE/berichte/neu"
TOKEN=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/neu.html" | head -n 1 | sed 's/.*value="//; s/"$//')

upload() { # title, year, file -> prints the report's path
    curl -s -b "$JAR_COOKIES" -o /dev/null -w '%{redirect_url}' -F "_csrf=$TOKEN" --form-string "titel=$1" \
        -F "jahr=$2" --form-string "beschreibung=Kennzahlenvergleich der Optionskommunen, Bericht $1" \
        -F zielgruppe=oeffentlich -F "datei=@$3;type=application/pdf" "$BASE/berichte/neu?_csrf=$TOKEN" \
        | sed 's#^http://[^/]*##'
}
log "filing $REPORTS small reports and one of $BIG_MB MB"
for i in $(seq 1 "$REPORTS"); do
    python3 "$WORK/pdf.py" "Kennzahlen Integrationsquote Bericht $i" 0 "$WORK/r$i.pdf"
    path=$(upload "Jahresbericht $i" $((2000 + i % 25)) "$WORK/r$i.pdf")
    [ -n "$path" ] || die "upload $i failed"
done
python3 "$WORK/pdf.py" "Grosser Bericht" $((BIG_MB * 1024 * 1024)) "$WORK/big.pdf"
t_up=$(now_ms)
BIG=$(upload "Großer Bericht" 2025 "$WORK/big.pdf")
UPLOAD_MS=$(($(now_ms) - t_up))
[ -n "$BIG" ] || die "the $BIG_MB MB upload failed"
log "20 MB report at $BIG (upload and filing: $UPLOAD_MS ms)"
until curl -s "$BASE/suche?q=Integrationsquote" | grep -q 'Treffer für'; do sleep 0.2; done

# --- pages: wrk -t2 -c32 --------------------------------------------------------------------------------------
page_bench() { # name, path
    log "wrk $2: warm-up $WARMUP, then $DURATION"
    wrk -t2 -c32 "-d$WARMUP" "$BASE$2" >/dev/null
    wrk -t2 -c32 "-d$DURATION" --latency "$BASE$2" >"$WORK/$1.txt"
    cat "$WORK/$1.txt" >&2
}
page_bench list "/berichte"
page_bench list2 "/berichte?seite=2&typ=pdf"
page_bench search "/suche?q=Integrationsquote"
page_bench search2 "/suche?q=Kennzahlenvergleich+Optionskommunen&seite=3"

# --- downloads ------------------------------------------------------------------------------------------------
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$PORTAL_PID/status"; }
log "single downloads of $BIG_MB MB (5 runs)"
speeds=()
for _ in 1 2 3 4 5; do
    speeds+=("$(curl -s -o /dev/null -w '%{speed_download}' "$BASE$BIG/datei")")
done
SINGLE_MBS=$(printf '%s\n' "${speeds[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.0f", a[int((NR + 1) / 2)] / 1048576 }')

RSS_BEFORE=$(($(rss_kb) / 1024))
log "$CLIENTS clients download at once (RSS before: $RSS_BEFORE MB)"
peak=0
t_dl=$(now_ms)
dl_pids=()
for i in $(seq 1 $CLIENTS); do
    curl -s -o /dev/null -w '%{http_code} %{size_download}\n' "$BASE$BIG/datei" >"$WORK/dl$i.txt" &
    dl_pids+=($!)
done
while kill -0 "${dl_pids[@]}" 2>/dev/null; do
    r=$(rss_kb); [ "$r" -gt "$peak" ] && peak=$r
    sleep 0.05
done
wait "${dl_pids[@]}" || true
DL_MS=$(($(now_ms) - t_dl))
ok=$(cat "$WORK"/dl*.txt | awk -v s=$((BIG_MB * 1024 * 1024)) '$1 == 200 && $2 == s' | wc -l)
[ "$ok" = $CLIENTS ] || die "only $ok of $CLIENTS downloads were complete"
RSS_PEAK=$((peak / 1024))
AGG_MBS=$(awk -v n=$CLIENTS -v mb=$BIG_MB -v ms=$DL_MS 'BEGIN { printf "%.0f", n * mb / (ms / 1000) }')

# --- results --------------------------------------------------------------------------------------------------
row() { # label, file
    printf '| %s | %s | %s | %s | %s |\n' "$1" "$(wrk_rps "$WORK/$2.txt")" "$(wrk_ms "$WORK/$2.txt" 50)" \
        "$(wrk_ms "$WORK/$2.txt" 99)" "$(wrk_errors "$WORK/$2.txt")"
}
{
    echo "# Reports and search benchmark"
    echo
    echo "\`launcher/bench/reports-benchmark.sh\`, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -n 1), JAVA_OPTS=\"$JAVA_OPTS\", load before: $LOAD_BEFORE."
    echo "$REPORTS public one-page PDF reports plus one of $BIG_MB MB; wrk -t2 -c32 -d$DURATION after $WARMUP warm-up, anonymous."
    echo
    echo "| page | requests/s | p50 ms | p99 ms | errors |"
    echo "|---|---|---|---|---|"
    row '`/berichte` (first page, 20 rows)' list
    row '`/berichte?seite=2&typ=pdf`' list2
    row '`/suche?q=Integrationsquote`' search
    row '`/suche?q=Kennzahlenvergleich+Optionskommunen&seite=3`' search2
    echo
    echo "| download of the $BIG_MB MB report | result |"
    echo "|---|---|"
    echo "| upload and filing over HTTP (stream to disk, SHA-256, type check, PDF text) | $UPLOAD_MS ms |"
    echo "| one client, median of 5 (each read checks the SHA-256 first) | $SINGLE_MBS MB/s |"
    echo "| $CLIENTS clients at once: all complete | $ok of $CLIENTS in $DL_MS ms, $AGG_MBS MB/s together |"
    echo "| portal resident memory before / peak while the $CLIENTS download | $RSS_BEFORE / $RSS_PEAK MB |"
} >"$WORK/results.md"
cat "$WORK/results.md"
cp "$WORK/results.md" "$HERE/reports-results.md"
log "written to launcher/bench/reports-results.md"
