#!/usr/bin/env bash
# acl-audit.sh: records the ACLs the brokers enforce, as a timestamped file in $AUDIT_DIR (and in the
# job log), and prunes records older than $RETENTION_DAYS. Comparing two records shows who changed access.
set -euo pipefail
. "$(dirname "$0")/kafka-client.sh"
id="$(date -u +%Y%m%dT%H%M%SZ)"
dir="${AUDIT_DIR:-/tmp/acl-audit}/$id"
mkdir -p "$dir"
kafka-acls.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --command-config "$KAFKA_CLIENT_CONFIG" --list > "$dir/acls.txt"
(cd "$dir" && sha256sum acls.txt > SHA256SUMS)
echo "ACL audit $id: $(grep -c 'principal=' "$dir/acls.txt" || true) ACL entries"
cat "$dir/acls.txt"
if [ -n "${AUDIT_DIR:-}" ]; then "$(dirname "$0")/prune-backups.sh" "$AUDIT_DIR" "${RETENTION_DAYS:-90}"; fi
