#!/usr/bin/env bash
# Backup and restore benchmark of the runnable jar on the demo data set: starts a demo portal once (so its demo
# accounts, rings and synthetic key figures exist), stops it, then times `backup FILE` of the stopped portal and
# `restore FILE` into a fresh data directory, each as the operator runs it (a whole JVM with the framework), and
# reports the file's size and what it holds.
#
#   launcher/bench/backup-benchmark.sh
#
# Settings (environment): RUNS=3 (backups and restores timed; the median is reported), PORT=18087,
# NEWS=1000 news articles added to the stopped portal's database (Derby's ij, from the local Maven repository) and
# REPORT_MB=200 of report files (random bytes under their SHA-256 in the file store) on top of the demo data; 0 for
# the bare demo set. KEEP=1 keeps the temporary folder. Prints a Markdown table and writes it to
# launcher/bench/backup-results.md.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=$ROOT/launcher/target/ringportal.jar
RUNS=${RUNS:-3}
PORT=${PORT:-18087}
NEWS=${NEWS:-1000}
REPORT_MB=${REPORT_MB:-200}
M2=${M2:-$HOME/.m2/repository}
START_TIMEOUT_S=120
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

LOG_TAG=backup-bench
# shellcheck source=common.sh
. "$HERE/common.sh"

command -v java >/dev/null || die "java (17 or newer) is not on the PATH"
[ -f "$JAR" ] || die "$JAR is missing: build it first with mvn -B -q package -DskipTests"
make_workdir ringportal-backup-bench

log "starting a demo portal in $WORK/source"
java -jar "$JAR" --demo --port "$PORT" --data-dir "$WORK/source" --deploy-dir "$WORK/deploy" >"$WORK/demo.log" 2>&1 &
DEMO=$!
PIDS+=("$DEMO")
for _ in $(seq "$START_TIMEOUT_S"); do
    grep -q "synthetic key figure values" "$WORK/demo.log" && grep -q "Ringportal läuft" "$WORK/demo.log" && break
    sleep 1
done
grep -q "Ringportal läuft" "$WORK/demo.log" || die "the demo portal did not start (see $WORK/demo.log, KEEP=1)"
kill -TERM "$DEMO"
wait "$DEMO" || true

if [ "$NEWS" -gt 0 ]; then
    log "adding $NEWS news articles"
    CP=""
    for jar in derby derbyshared derbytools; do
        CP=$CP:$(ls "$M2"/org/apache/derby/$jar/10.16.1.1/$jar-10.16.1.1.jar) || die "$jar 10.16.1.1 is not in $M2"
    done
    {
        echo "CONNECT 'jdbc:derby:$WORK/source/db';"
        for n in $(seq "$NEWS"); do
            echo "INSERT INTO news_article (url_year, slug, title, teaser, body, author, author_user, status, published_at, updated_at) VALUES (2026, 'messung-$n', 'Messung $n', 'Kurztext $n', '$(printf 'Absatz mit Text. %.0s' $(seq 60))', 'Redaktion', 'demo-redaktion', 'published', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        done
        echo "DISCONNECT; EXIT;"
    } >"$WORK/news.sql"
    java -cp "${CP#:}" -Dij.exceptionTrace=true org.apache.derby.tools.ij "$WORK/news.sql" >"$WORK/news.log" 2>&1 \
        || die "adding news failed (see $WORK/news.log, KEEP=1)"
    grep -q "ERROR" "$WORK/news.log" && die "adding news failed: $(grep -m1 ERROR "$WORK/news.log")"
fi
if [ "$REPORT_MB" -gt 0 ]; then
    log "adding $REPORT_MB MB of report files"
    for n in $(seq $(( REPORT_MB / 4 ))); do
        head -c $(( 4 * 1024 * 1024 )) /dev/urandom >"$WORK/blob"
        sha=$(sha256sum "$WORK/blob" | cut -d' ' -f1)
        mkdir -p "$WORK/source/reports/blobs/${sha:0:2}"
        mv "$WORK/blob" "$WORK/source/reports/blobs/${sha:0:2}/$sha"
    done
fi

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
backup_ms=()
restore_ms=()
for run in $(seq "$RUNS"); do
    start=$(now_ms)
    java -jar "$JAR" backup "$WORK/backup-$run.zip" --data-dir "$WORK/source" >"$WORK/backup-$run.out" 2>"$WORK/backup-$run.err" \
        || die "backup failed: $(cat "$WORK/backup-$run.err" | tail -3)"
    backup_ms+=($(( $(now_ms) - start )))
    start=$(now_ms)
    java -jar "$JAR" restore "$WORK/backup-$run.zip" --data-dir "$WORK/restored-$run" >"$WORK/restore-$run.out" \
        2>"$WORK/restore-$run.err" || die "restore failed: $(cat "$WORK/restore-$run.err" | tail -3)"
    restore_ms+=($(( $(now_ms) - start )))
    log "run $run: backup ${backup_ms[-1]} ms, restore ${restore_ms[-1]} ms"
    rm -rf "$WORK/restored-$run"
    [ "$run" = 1 ] || rm -f "$WORK/backup-$run.zip"
done
BACKUP_MS=$(printf '%s\n' "${backup_ms[@]}" | median)
RESTORE_MS=$(printf '%s\n' "${restore_ms[@]}" | median)
SIZE=$(stat -c %s "$WORK/backup-1.zip")
HOLDS=$(sed -n 's/.*(\(.*\), [0-9,]* [KMG]*B)\.$/\1/p' "$WORK/backup-1.out")
SOURCE_BYTES=$(du -sb "$WORK/source/reports" 2>/dev/null | cut -f1 || echo 0)
DB_BYTES=$(du -sb "$WORK/source/db" | cut -f1)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

TABLE=$(cat <<MD
# Backup and restore: demo data set, plus $NEWS news articles and $REPORT_MB MB of report files

Command: \`NEWS=$NEWS REPORT_MB=$REPORT_MB RUNS=$RUNS launcher/bench/backup-benchmark.sh\`, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores,
load average before $LOAD_BEFORE, after $LOAD_AFTER; Java $(java -version 2>&1 | head -1 | cut -d'"' -f2), embedded Derby.
Each time is a whole \`java -jar ringportal.jar backup|restore\` run (JVM start, framework start, database open,
the work, clean stop), median of $RUNS.

| what | figure |
|---|---|
| backup of the stopped demo portal | $BACKUP_MS ms |
| restore into a fresh data directory | $RESTORE_MS ms |
| backup file size | $(( SIZE / 1024 )) KB |
| Derby database folder it came from | $(( DB_BYTES / 1024 )) KB |
| report files it came from | $(( ${SOURCE_BYTES:-0} / 1024 / 1024 )) MB |
| the file holds | $HOLDS |
MD
)
printf '%s\n' "$TABLE"
printf '%s\n' "$TABLE" >"$HERE/backup-results.md"
