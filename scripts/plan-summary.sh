#!/usr/bin/env bash
# One Markdown table row summarizing `terraform plan` of a synthesized stack against its real state, for the
# plan-review comment (.github/workflows/plan-review.yml, job cdktf-diff):
#
#   plan-summary.sh <cdktf.out/stacks/<stack>> <stack> [<what was planned>]
#     →   | kafka-prod | [<what was planned> |] Plan: 0 to add, 1 to change, 0 to destroy: ~ helm_release.x |
#
# Read-only: -lock=false, since plan credentials cannot take the state lock (a Lease for the kubernetes
# backend), and a plan changes nothing. Exits 0 whenever it printed a row (a failed plan is a row too).
# TERRAFORM: the terraform binary. @default terraform
set -uo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ] || [ ! -d "$1" ]; then
  echo "usage: plan-summary.sh <synthesized stack folder> <stack name> [<what was planned>]" >&2
  exit 2
fi
dir="$1" stack="$2"
# The first cells of the row: the stack, and what was planned when the caller says (the merged commits).
row="| $stack |${3:+ $3 |}"
tf="${TERRAFORM:-terraform}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# Table cells are one line without pipes.
cell() { tr '\n' ' ' | sed 's/|/\\|/g; s/  */ /g; s/ $//'; }

if ! "$tf" -chdir="$dir" init -input=false -no-color > "$log" 2>&1; then
  echo "$row ⛔ terraform init failed: $(grep -m1 -A2 '^Error' "$log" | cell) |"
  exit 0
fi
"$tf" -chdir="$dir" plan -input=false -no-color -lock=false -detailed-exitcode > "$log" 2>&1
case $? in
  0) echo "$row no changes |" ;;
  2)
    totals="$(grep -m1 '^Plan: ' "$log" | sed 's/\.$//')"
    # "  # helm_release.x will be updated in-place" → "~ helm_release.x"
    changes="$(sed -n 's/^  # \([^ ]*\) \(will be\|must be\) \(.*\)$/\3 \1/p' "$log" |
      sed 's/^created /+ /; s/^destroyed /− /; s/^updated in-place /~ /; s/^replaced /± /; s/^[a-z][^ ]* \([^ ]*\)$/? \1/' | head -n 20 | paste -sd ',' - | sed 's/,/, /g')"
    echo "$row ${totals:-changes}${changes:+: $changes} |"
    ;;
  *) echo "$row ⛔ plan failed: $(grep -m1 -A2 '^Error' "$log" | cell) |" ;;
esac
