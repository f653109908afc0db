#!/usr/bin/env bash
# prune-backups.sh ROOT DAYS
# Deletes backups under ROOT older than DAYS. Backups are folders named by their UTC creation time
# (YYYYMMDDTHHMMSSZ), so age is read from the name, never from file times, and anything else in
# ROOT (a folder being written, a file an operator put there) is left alone.
set -euo pipefail

root="${1:?usage: prune-backups.sh ROOT DAYS}"
days="${2:?usage: prune-backups.sh ROOT DAYS}"
case "$days" in ''|*[!0-9]*) echo "prune-backups: DAYS must be a whole number, got '$days'" >&2; exit 2 ;; esac
[ "$days" -ge 1 ] || { echo "prune-backups: DAYS must be at least 1" >&2; exit 2; }

now="${BACKUP_NOW_EPOCH:-$(date -u +%s)}"
cutoff="$(date -u -d "@$((now - days * 86400))" +%Y%m%dT%H%M%SZ)"

for dir in "$root"/*/; do
  [ -d "$dir" ] || continue
  name="$(basename "$dir")"
  [[ "$name" =~ ^[0-9]{8}T[0-9]{6}Z$ ]] || continue
  if [[ "$name" < "$cutoff" ]]; then
    rm -rf -- "${root:?}/$name"
    echo "pruned backup $name (older than $days days)"
  fi
done
