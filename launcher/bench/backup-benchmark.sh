#!/usr/bin/env bash
# Backup and restore benchmark of the runnable jar on the demo data set: starts a demo portal once (so its demo
# accounts, rings and synthetic key figures exist), stops it, then times `backup FILE` of the stopped portal and
# `restore FILE` into a fresh data directory, each as the operator runs it (a whole JVM with the framework), and
# reports the file's size and what it holds.
#
#   launcher/bench/backup-benchmark.sh
#
# Settings (environment): RUNS=3 (backups and restores timed; the median is reported), PORT=18087,
# KEEP=1 keeps the temporary folder. Prints a Markdown table and writes it to launcher/bench/backup-results.md.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=$ROOT/launcher/target/ringportal.jar
RUNS=${RUNS:-3}
PORT=${PORT:-18087}
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
done
BACKUP_MS=$(printf '%s\n' "${backup_ms[@]}" | median)
RESTORE_MS=$(printf '%s\n' "${restore_ms[@]}" | median)
SIZE=$(stat -c %s "$WORK/backup-1.zip")
HOLDS=$(sed -n 's/.*(\(.*\), [0-9,]* [KMG]*B)\.$/\1/p' "$WORK/backup-1.out")
DB_BYTES=$(du -sb "$WORK/source/db" | cut -f1)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

TABLE=$(cat <<MD
# Backup and restore: demo data set

Command: \`launcher/bench/backup-benchmark.sh\` (RUNS=$RUNS), $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores,
load average before $LOAD_BEFORE, after $LOAD_AFTER; Java $(java -version 2>&1 | head -1 | cut -d'"' -f2), embedded Derby.
Each time is a whole \`java -jar ringportal.jar backup|restore\` run (JVM start, framework start, database open,
the work, clean stop), median of $RUNS.

| what | figure |
|---|---|
| backup of the stopped demo portal | $BACKUP_MS ms |
| restore into a fresh data directory | $RESTORE_MS ms |
| backup file size | $(( SIZE / 1024 )) KB |
| Derby database folder it came from | $(( DB_BYTES / 1024 )) KB |
| the file holds | $HOLDS |
MD
)
printf '%s\n' "$TABLE"
printf '%s\n' "$TABLE" >"$HERE/backup-results.md"
