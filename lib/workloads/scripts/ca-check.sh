#!/usr/bin/env bash
# ca-check.sh: runs in the Kafka image (it has openssl). Checks the local copy of the DR cluster's CA that
# MirrorMaker 2 trusts (written by the prod stack from the DR cluster on every deploy):
#   CA_FILE      the copied ca.crt (default /etc/dr-ca/ca.crt)
#   WARN_DAYS    fail when the copy expires within this many days (default 30)
#   BOOTSTRAP    host:port of the DR bootstrap; when set, its certificate must verify with the copy, for that host name
# Exit codes: 0 valid; 2 the copy is missing or not a certificate; 3 it expires within WARN_DAYS;
# 4 the DR brokers present a certificate the copy does not verify (the DR CA was renewed: redeploy prod);
# 5 the DR bootstrap address cannot be reached. A failing run makes the KafkaDrCaCopyStale alert fire.
set -euo pipefail
fail() { echo "ca-check: error: $2" >&2; exit "$1"; }
ca="${CA_FILE:-/etc/dr-ca/ca.crt}"
days="${WARN_DAYS:-30}"
case "$days" in ''|*[!0-9]*) fail 2 "WARN_DAYS must be a whole number, got '$days'" ;; esac
[ -s "$ca" ] || fail 2 "$ca is missing or empty: the DR CA was not copied (deploy the DR stack, then prod)"
end="$(openssl x509 -in "$ca" -noout -enddate 2>/dev/null)" || fail 2 "$ca is not a PEM certificate"
end="${end#notAfter=}"
if ! openssl x509 -in "$ca" -noout -checkend $((days * 86400)) >/dev/null; then
  fail 3 "the copied DR CA expires $end, within $days days: the DR cluster renews its CA in its maintenance window; redeploy prod afterwards to copy the new one"
fi
if [ -n "${BOOTSTRAP:-}" ]; then
  host="${BOOTSTRAP%:*}"
  out="$(timeout "${CONNECT_TIMEOUT_SECONDS:-20}" openssl s_client -connect "$BOOTSTRAP" -servername "$host" -verify_hostname "$host" -CAfile "$ca" -verify_return_error </dev/null 2>&1)" || {
    if grep -qiE 'verify error|certificate verify failed|unable to get local issuer' <<<"$out"; then
      fail 4 "$BOOTSTRAP presents a certificate the copied DR CA does not verify ($(grep -m 1 -iE 'verify error|verify failed' <<<"$out")): redeploy prod to copy the DR cluster's current CA"
    fi
    fail 5 "cannot reach $BOOTSTRAP over TLS: $(grep -m 1 -iE 'error|refused|timed out' <<<"$out" || echo 'no answer')"
  }
fi
echo "ca-check: the copied DR CA is valid until $end${BOOTSTRAP:+ and verifies $BOOTSTRAP}"
