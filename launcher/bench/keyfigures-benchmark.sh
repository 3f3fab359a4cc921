#!/usr/bin/env bash
# Key figures benchmark of the runnable jar, on the demo installation (108 Optionskommunen, 22 figures, 10 years of
# synthetic values) with the shipped rings module: the demo ring of 08426 (Landkreis Biberach, the demo accounts'
# municipality) is filled up to 20 members for last year through the ring administration (/admin/ringe/<id>/mitglieder,
# as the administrator, with the CSRF token): members of other demo rings are removed there and added to it.
#   (a) ring table, bar chart, time series and small multiples pages: requests/s and p99 with wrk -t2 -c32;
#   (b) ring report PDF: generation time over HTTP (median of 10) and size;
#   (c) import of 100,000 CSV rows by the Redaktion: wall time, rows/s, peak resident memory of the portal.
#
#   launcher/bench/keyfigures-benchmark.sh
#
# Settings (environment): DURATION=10s and WARMUP=5s for wrk, ROWS=100000, PORT=18086, JAVA_OPTS="" (JVM defaults),
# KEEP=1 keeps the temporary folder with the logs. Prints a Markdown table and writes launcher/bench/keyfigures-results.md.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=$ROOT/launcher/target/ringportal.jar
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
ROWS=${ROWS:-100000}
PORT=${PORT:-18086}
JAVA_OPTS=${JAVA_OPTS:-}
BASE=http://127.0.0.1:$PORT
PASSWORD="Bench-Kennwort-$(od -An -N6 -tu8 /dev/urandom | tr -d ' ')"
LOAD_BEFORE=$(uptime | sed 's/.*load average: //')

LOG_TAG=keyfigures-bench
# shellcheck source=common.sh
. "$HERE/common.sh"

require_commands wrk curl unzip
command -v javac >/dev/null || die "javac (17 or newer) is not on the PATH"
[ -f "$JAR" ] || die "$JAR is missing: build it first (mvn -B -q package -DskipTests)"
if curl -s -o /dev/null "$BASE/"; then die "port $PORT is already in use"; fi
make_workdir ringportal-keyfigures-bench

# --- the bundled list of Optionskommunen (for the import file) ------------------------------------------------
unzip -q -o -j "$JAR" bundles/benchmark.jar -d "$WORK/lib"
unzip -q -o -j "$WORK/lib/benchmark.jar" data/kommunen.csv -d "$WORK"
mkdir -p "$WORK/deploy"

# --- start in demo mode --------------------------------------------------------------------------------------
log "starting the portal on port $PORT in demo mode"
t0=$(now_ms)
# shellcheck disable=SC2086
RINGPORTAL_ADMIN_PASSWORD=$PASSWORD java $JAVA_OPTS -jar "$JAR" --port "$PORT" --data-dir "$WORK/data" \
    --deploy-dir "$WORK/deploy" --demo >"$WORK/portal.log" 2>&1 &
PORTAL_PID=$!
PIDS+=("$PORTAL_PID")
until grep -q 'synthetic key figure values created' "$WORK/portal.log" \
    && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/anmelden" || true)" = 200 ]; do
    kill -0 "$PORTAL_PID" 2>/dev/null || { tail -n 40 "$WORK/portal.log" >&2; die "the portal exited"; }
    [ $(($(now_ms) - t0)) -lt 120000 ] || { tail -n 40 "$WORK/portal.log" >&2; die "no demo data"; }
    sleep 0.1
done
DEMO_VALUES=$(grep -o '[0-9]* synthetic key figure values created' "$WORK/portal.log" | cut -d' ' -f1)
# then the values of the municipalities the registry knows beyond the bundled list of 2012 (ring members, too)
until grep -q 'synthetic key figure values added for municipalities of the registry' "$WORK/portal.log"; do
    [ $(($(now_ms) - t0)) -lt 150000 ] || { tail -n 40 "$WORK/portal.log" >&2; die "no demo values for the registry"; }
    sleep 0.1
done
DEMO_ADDED=$(grep -o '[0-9]* synthetic key figure values added' "$WORK/portal.log" | cut -d' ' -f1)
log "demo data ($DEMO_VALUES values) ready after $(($(now_ms) - t0)) ms"

cookie_value() { awk -v n="$2" -F'\t' '$6 == n { print $7 }' "$1"; }
# login USER [PASSWORD]: prints the session cookie value (a demo account's password comes from the log)
login() {
    local password=${2:-} jar="$WORK/$1.jar" token
    [ -n "$password" ] || password=$(awk -v u="$1" '$1 == u { print $2 }' "$WORK/portal.log" | head -n 1)
    token=$(curl -s -c "$jar" "$BASE/anmelden" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
    [ "$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$token" \
        --data-urlencode "benutzer=$1" --data-urlencode "passwort=$password" --data-urlencode "ziel=/" \
        "$BASE/anmelden")" = 303 ] || die "login of $1 failed"
    cookie_value "$jar" rp_session
}
MEMBER=$(login demo-mitglied)
EDITOR=$(login demo-redaktion)
login admin "$PASSWORD" >/dev/null
LAST_YEAR=$(($(date +%Y) - 1))

# --- the ring: the demo ring of 08426 last year, as the key figures overview links it, filled up to 20 members ------
RING=$(curl -s -H "Cookie: rp_session=$MEMBER" "$BASE/kennzahlen" \
    | grep -o "/kennzahlen/ring/[^?\"]*?jahr\(=\|&#61;\)$LAST_YEAR" | head -n 1 | sed 's#/kennzahlen/ring/##; s#?.*##')
[ -n "$RING" ] || die "/kennzahlen links no ring of 08426 for $LAST_YEAR"
# members RING: the ring's members of last year (AGS), as the ring administration lists them
members() {
    curl -s -b "$WORK/admin.jar" "$BASE/admin/ringe/$1/mitglieder?jahr=$LAST_YEAR" | grep -o '<td>[0-9]\{5\}</td>' \
        | tr -dc '0-9\n'
}
t1=$(now_ms)
until [ "$(members "$RING" | wc -l)" -gt 1 ]; do  # the rings module seeds the registry's municipalities after 08426
    [ $(($(now_ms) - t1)) -lt 60000 ] || die "the demo ring $RING has no members besides 08426"
    sleep 0.2
done
DEMO_MEMBERS=$(members "$RING" | wc -l)
csrf() { curl -s -b "$WORK/admin.jar" -c "$WORK/admin.jar" "$BASE$1" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 \
    | sed 's/.*value="//; s/"$//'; }
TOKEN=$(csrf "/admin/ringe/$RING/mitglieder?jahr=$LAST_YEAR")
MOVED=0
for other in $(curl -s -b "$WORK/admin.jar" "$BASE/admin/ringe" | grep -o '/admin/ringe/[^/"]*/mitglieder' \
        | cut -d/ -f4 | sort -u); do
    [ "$other" != "$RING" ] || continue
    for ags in $(members "$other" | head -n 2); do
        [ $((DEMO_MEMBERS + MOVED)) -lt 20 ] || break 2
        [ "$(curl -s -b "$WORK/admin.jar" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$TOKEN" \
            "$BASE/admin/ringe/$other/mitglieder/entfernen?ags=$ags&jahr=$LAST_YEAR")" = 303 ] \
            || die "removing $ags from ring $other failed"
        [ "$(curl -s -b "$WORK/admin.jar" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$TOKEN" \
            --data-urlencode "ags=$ags" --data-urlencode "jahr=$LAST_YEAR" "$BASE/admin/ringe/$RING/mitglieder")" = 303 ] \
            || die "adding $ags to ring $RING failed"
        MOVED=$((MOVED + 1))
    done
done
RING_MEMBERS=$(members "$RING" | wc -l)
[ "$RING_MEMBERS" -eq 20 ] || die "ring $RING has $RING_MEMBERS members, not 20"
log "ring $RING: $DEMO_MEMBERS demo members, $MOVED moved in from other rings, $RING_MEMBERS in $LAST_YEAR"
# every ring's table shows a released value for each of its members (no member without values)
for ring in $(curl -s -b "$WORK/admin.jar" "$BASE/admin/ringe" | grep -o '/admin/ringe/[^/"]*/mitglieder' | cut -d/ -f4 \
        | sort -u); do
    table=$(curl -s -H "Cookie: rp_session=$EDITOR" "$BASE/kennzahlen/ring/$ring?kennzahl=K2&jahr=$LAST_YEAR")
    rows=$(grep -c 'kennzahlen/profil?kommune' <<<"$table" || true)
    [ "$rows" -eq "$(members "$ring" | wc -l)" ] || die "ring $ring: $rows table rows for $(members "$ring" | wc -l) members"
    if grep -q '<td>nicht freigegeben</td>' <<<"$table"; then
        grep '<td>nicht freigegeben</td>' <<<"$table" | sed 's/<[^>]*>/ /g' >&2 || true
        die "ring $ring has members without values in $LAST_YEAR"
    fi
done

# --- (a) pages --------------------------------------------------------------------------------------------------
declare -A PAGES=(
    [ring-table]="/kennzahlen/ring/$RING?kennzahl=K2&jahr=$LAST_YEAR"
    [time-series]="/kennzahlen/profil?kommune=08426&kennzahl=K2&jahr=$LAST_YEAR"
    [small-multiples]="/kennzahlen/profil?kommune=08426&jahr=$LAST_YEAR"
    [report-html]="/kennzahlen/bericht/$RING/$LAST_YEAR"
)
for page in ring-table time-series small-multiples report-html; do
    path=${PAGES[$page]}
    body=$(curl -s -H "Cookie: rp_session=$MEMBER" "$BASE$path")
    grep -q 'role="img"' <<<"$body" || die "$path shows no chart"
    printf '%s' "$body" | wc -c >"$WORK/$page.bytes"
    log "$page: warm-up ($WARMUP), then wrk -t2 -c32 -d$DURATION $path"
    wrk -t2 -c32 "-d$WARMUP" -H "Cookie: rp_session=$MEMBER" "$BASE$path" >/dev/null
    wrk -t2 -c32 "-d$DURATION" --latency -H "Cookie: rp_session=$MEMBER" "$BASE$path" >"$WORK/$page.wrk.txt"
    cat "$WORK/$page.wrk.txt" >&2
done

# --- (b) PDF ----------------------------------------------------------------------------------------------------
for i in $(seq 1 10); do
    curl -s -H "Cookie: rp_session=$MEMBER" -o "$WORK/report.pdf" -w '%{time_total}\n' \
        "$BASE/kennzahlen/bericht/$RING/$LAST_YEAR.pdf" >>"$WORK/pdf.times"
done
head -c 5 "$WORK/report.pdf" | grep -q '%PDF-' || die "the report is no PDF"
PDF_MS=$(sort -n "$WORK/pdf.times" | awk '{ a[NR] = $1 } END { printf "%.0f", (a[5] + a[6]) / 2 * 1000 }')
PDF_FIRST_MS=$(head -n 1 "$WORK/pdf.times" | awk '{ printf "%.0f", $1 * 1000 }')
PDF_KB=$(($(stat -c %s "$WORK/report.pdf") / 1024))

# --- (c) import of ROWS rows ------------------------------------------------------------------------------------
# Unique (municipality, figure, period) rows in years 2005-2014 (the demo data covers the last ten years), values
# steady per municipality and figure so that no jump needs a comment.
awk -F';' -v rows="$ROWS" '
    BEGIN { OFS = ";"; print "kommune", "kennzahl", "zeitraum", "wert"
            split("K1 K1E1 K1E2 K1E3 K1E4 K2 K2E1 K2E2 K2E3 K2E4 K3 K3E1 K3E2 K3E3 K3E4", monthly, " ")
            split("SGB2Q BGD KDU AKQ SANQ BSU25 BS25", yearly, " ") }
    /;ja$/ { ags[++n] = $1 }
    END {
        for (year = 2005; year < 2015 && written < rows; year++)
            for (i = 1; i <= n && written < rows; i++) {
                for (f = 1; f <= 7 && written < rows; f++) { v = 20 + (i + f) % 7; print ags[i], yearly[f], year, v ","  (year % 3); written++ }
                for (f = 1; f <= 15 && written < rows; f++)
                    for (m = 1; m <= 12 && written < rows; m++) {
                        v = 3 + (i + f) % 5; printf "%s;%s;%d-%02d;%d,%d\n", ags[i], monthly[f], year, m, v, m % 5; written++ }
            }
    }' "$WORK/kommunen.csv" >"$WORK/import.csv"
IMPORT_ROWS=$(($(wc -l <"$WORK/import.csv") - 1))
IMPORT_MB=$(awk -v b="$(stat -c %s "$WORK/import.csv")" 'BEGIN { printf "%.1f", b / 1048576 }')
curl -s -b "$WORK/demo-redaktion.jar" -c "$WORK/demo-redaktion.jar" -o "$WORK/transfer.html" "$BASE/kennzahlen/austausch"
TOKEN=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/transfer.html" | head -n 1 | sed 's/.*value="//; s/"$//')
RSS_BEFORE=$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$PORTAL_PID/status")
log "importing $IMPORT_ROWS rows ($IMPORT_MB MB)"
status=$(curl -s -b "$WORK/demo-redaktion.jar" -o "$WORK/import.html" -w '%{http_code} %{time_total}' \
    -F "_csrf=$TOKEN" -F "datei=@$WORK/import.csv;filename=import.csv" "$BASE/kennzahlen/austausch/?_csrf=$TOKEN")
grep -q "$IMPORT_ROWS Zeilen geprüft, $IMPORT_ROWS Werte gespeichert" "$WORK/import.html" \
    || { grep -o '<li>Zeile[^<]*' "$WORK/import.html" | head >&2; die "import failed: $status"; }
IMPORT_S=$(awk '{ printf "%.1f", $2 }' <<<"$status")
IMPORT_RPS=$(awk -v n="$IMPORT_ROWS" -v s="$IMPORT_S" 'BEGIN { printf "%.0f", n / s }')
RSS_AFTER=$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$PORTAL_PID/status")
RSS_PEAK=$(awk '/^VmHWM/ { print int($2 / 1024) }' "/proc/$PORTAL_PID/status")
# the same file again: validated completely, nothing changes (all values equal)
status=$(curl -s -b "$WORK/demo-redaktion.jar" -o "$WORK/import2.html" -w '%{time_total}' \
    -F "_csrf=$TOKEN" -F "datei=@$WORK/import.csv;filename=import.csv" "$BASE/kennzahlen/austausch/?_csrf=$TOKEN")
grep -q "$IMPORT_ROWS Zeilen geprüft, 0 Werte gespeichert" "$WORK/import2.html" || die "re-import wrote values"
REIMPORT_S=$(awk '{ printf "%.1f", $1 }' <<<"$status")
# one bad row at the end: rejected after validating everything, nothing written
sed '$ s/;[0-9]*,[0-9]*$/;abc/' "$WORK/import.csv" >"$WORK/bad.csv"
status=$(curl -s -b "$WORK/demo-redaktion.jar" -o "$WORK/bad.html" -w '%{http_code} %{time_total}' \
    -F "_csrf=$TOKEN" -F "datei=@$WORK/bad.csv;filename=bad.csv" "$BASE/kennzahlen/austausch/?_csrf=$TOKEN")
grep -q "Zeile $((IMPORT_ROWS + 1)): Wert" "$WORK/bad.html" || die "the bad row was not reported: $status"
BAD_S=$(awk '{ printf "%.1f", $2 }' <<<"$status")

LOAD_AFTER=$(uptime | sed 's/.*load average: //')
kill -TERM "$PORTAL_PID"; wait "$PORTAL_PID" 2>/dev/null || true; PIDS=()

# --- report -----------------------------------------------------------------------------------------------------
row() {
    local f="$WORK/$1.wrk.txt"
    printf '| %s | `%s` | %s | %s | %s | %s | %s |\n' "$1" "${PAGES[$1]}" "$(cat "$WORK/$1.bytes")" "$(wrk_rps "$f")" \
        "$(wrk_ms "$f" 50)" "$(wrk_ms "$f" 99)" "$(wrk_errors "$f")"
}
{
    echo "# Key figures benchmark"
    echo
    echo "\`launcher/bench/keyfigures-benchmark.sh\` on $(date -u +%Y-%m-%d), commit $(cd "$ROOT" && git rev-parse --short HEAD),"
    echo "$(nproc) cores, load average (\`uptime\`) before $LOAD_BEFORE, after $LOAD_AFTER (the portal and wrk raise it"
    echo "themselves; other builds running at the same time would show here too). JVM options: ${JAVA_OPTS:-defaults}. Demo installation:"
    echo "$DEMO_VALUES synthetic values (108 municipalities × 22 figures × 10 years, plus $DEMO_ADDED for the registry's"
    echo "successors in the demo rings) and the shipped rings module's demo rings. Ring $RING, the demo ring of 08426, had $DEMO_MEMBERS members"
    echo "in $LAST_YEAR; $MOVED more were moved into it from other demo rings through the ring administration"
    echo "(\`/admin/ringe/<id>/mitglieder\`, as admin with the CSRF token), so it has $RING_MEMBERS members, each with"
    echo "released values (checked for every ring). Pages as the member demo-mitglied (08426), wrk -t2 -c32"
    echo "-d$DURATION after a $WARMUP warm-up."
    echo
    echo "| page | path | bytes | requests/s | p50 ms | p99 ms | errors |"
    echo "|---|---|---|---|---|---|---|"
    for page in ring-table time-series small-multiples report-html; do row "$page"; done
    echo
    echo "| measurement | result |"
    echo "|---|---|"
    echo "| ring report PDF (22 figures, charts and tables), median of 10 | $PDF_MS ms (first: $PDF_FIRST_MS ms), $PDF_KB KB |"
    echo "| import of $IMPORT_ROWS CSV rows ($IMPORT_MB MB), validate + write | $IMPORT_S s, $IMPORT_RPS rows/s |"
    echo "| same file again (validated, nothing changed) | $REIMPORT_S s |"
    echo "| same file with the last row bad (validated, rejected, nothing written) | $BAD_S s |"
    echo "| portal resident memory before / after import / peak | $RSS_BEFORE / $RSS_AFTER / $RSS_PEAK MB |"
} | tee "$HERE/keyfigures-results.md"
