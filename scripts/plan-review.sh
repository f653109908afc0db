#!/usr/bin/env bash
# Plan review of a pull request as the workflow runs it (.github/workflows/plan-review.yml), testable on any
# git repository:
#
#   plan-review.sh --repo <git checkout> --base-ref <target branch tip> --head-ref <PR head> --work <empty dir>
#
# 1. Compares what the PR changes: its head against the MERGE BASE with the target branch, never against a
#    newer tip of the target (whose own later changes would look like the PR reverting them).
# 2. Synthesizes both. If the merge base does not synthesize, the review FAILS CLOSED: comparing with nothing
#    would pass any change. The only empty base is one without the platform at all (no cdktf.json at the
#    merge base): every stack is then new by declaration on both sides (`review --base-empty`).
# 3. If the head does not synthesize (a guardrail, a type error), that is the report, with the synth error.
# 4. The review engine and rules that judge the PR are the merge base's (trusted, already on the target
#    branch), applied to both outputs; the PR's own lib/review cannot switch its checks off.
#
# Writes <work>/comment.md (the PR comment) and <work>/result (passed | warned | blocked | base-broken |
# head-broken | review-error). Exit 0 when the PR may merge, 1 when it must not (BLOCK or fail closed),
# 2 on bad usage.
#
# PLAN_REVIEW_SYNTH: how to synthesize a checkout into ./cdktf.out. @default npm ci + npm run synth
# PLAN_REVIEW_REVIEWER: the review CLI, run in the base checkout. @default node dist/scripts/review.js
set -uo pipefail

usage() { echo "usage: plan-review.sh --repo <git checkout> --base-ref <ref> --head-ref <ref> --work <dir>" >&2; exit 2; }
repo='' base_ref='' head_ref='' work=''
while [ $# -gt 0 ]; do
  case "$1" in
    --repo) repo="${2:-}"; shift 2 || usage ;;
    --base-ref) base_ref="${2:-}"; shift 2 || usage ;;
    --head-ref) head_ref="${2:-}"; shift 2 || usage ;;
    --work) work="${2:-}"; shift 2 || usage ;;
    *) echo "plan-review: unexpected argument \"$1\"" >&2; usage ;;
  esac
done
if [ -z "$repo" ] || [ -z "$base_ref" ] || [ -z "$head_ref" ] || [ -z "$work" ]; then usage; fi

synth_cmd="${PLAN_REVIEW_SYNTH:-npm ci --no-audit --no-fund && npm run --silent synth}"
review_cmd="${PLAN_REVIEW_REVIEWER:-node dist/scripts/review.js}"
mkdir -p "$work" || exit 2
work="$(cd "$work" && pwd)"
comment="$work/comment.md"
marker='<!-- kafka-platform-plan-review -->'

finish() { # result, exit status
  echo "$1" > "$work/result"
  echo "plan-review: $1" >&2
  exit "$2"
}

# The last lines of a log, fenced, for the comment (errors are at the end of a failed synth).
log_tail() {
  echo '```'
  # shellcheck disable=SC2016 # literal backticks: a fence inside the log must not end ours
  tail -n 40 "$1" | sed 's/```/` ` `/g'
  echo '```'
}

head_sha="$(git -C "$repo" rev-parse --verify "$head_ref^{commit}" 2>/dev/null)" || { echo "plan-review: unknown head ref $head_ref" >&2; exit 2; }
tip_sha="$(git -C "$repo" rev-parse --verify "$base_ref^{commit}" 2>/dev/null)" || { echo "plan-review: unknown base ref $base_ref" >&2; exit 2; }
if ! merge_base="$(git -C "$repo" merge-base "$tip_sha" "$head_sha")"; then
  printf '%s\n# Kafka platform plan review\n\n⛔ **Review failed closed**: the pull request (%s) has no merge base with the target branch (%s).\n' "$marker" "$head_sha" "$tip_sha" > "$comment"
  finish base-broken 1
fi

# Plain file trees of both commits (no git metadata, nothing shared with the repository's work tree).
checkout() { # commit, dir
  rm -rf "$2" && mkdir -p "$2" && git -C "$repo" archive --format=tar "$1" | tar -x -C "$2"
}
checkout "$merge_base" "$work/base" || finish review-error 1
checkout "$head_sha" "$work/head" || finish review-error 1

synth() { # dir, log; status of the synth
  (cd "$1" && rm -rf cdktf.out && bash -c "$synth_cmd") > "$2" 2>&1
}

head_ok=true
synth "$work/head" "$work/head-synth.log" || head_ok=false
base_declared_empty=false
base_ok=true
if [ ! -f "$work/base/cdktf.json" ]; then
  base_declared_empty=true
else
  synth "$work/base" "$work/base-synth.log" || base_ok=false
fi

{
  echo "$marker"
  echo '# Kafka platform plan review'
  echo
  echo "Compared the pull request head \`${head_sha:0:12}\` with its merge base \`${merge_base:0:12}\` (target branch at \`${tip_sha:0:12}\`): only what the pull request itself changes."
  echo
} > "$comment"

if ! $base_ok || ! $head_ok; then
  if ! $base_ok; then
    {
      echo "⛔ **Review failed closed**: the merge base \`${merge_base:0:12}\` does not synthesize, so there is nothing trustworthy to compare with. Comparing with an empty output would pass any change. Re-run the job (a transient \`npm ci\` failure) or fix the target branch first."
      echo
      echo '<details><summary>Synth error of the merge base</summary>'
      echo
      log_tail "$work/base-synth.log"
      echo
      echo '</details>'
      echo
    } >> "$comment"
  fi
  if ! $head_ok; then
    {
      echo "⛔ **The pull request does not synthesize**: \`${head_sha:0:12}\` fails at synth (a guardrail, a validation error or a build error), so it cannot be applied. The error:"
      echo
      log_tail "$work/head-synth.log"
      echo
    } >> "$comment"
  fi
  if ! $head_ok; then finish head-broken 1; else finish base-broken 1; fi
fi

# The trusted reviewer: the merge base's, unless the merge base has no platform at all.
reviewer_dir="$work/base"
base_args=(--base "$work/base/cdktf.out")
if $base_declared_empty; then
  reviewer_dir="$work/head"
  base_args=(--base-empty)
  echo "> The merge base has no platform (no \`cdktf.json\`): every stack is new, and the review engine is the pull request's own." >> "$comment"
  echo >> "$comment"
fi
set +e
(cd "$reviewer_dir" && bash -c "$review_cmd \"\$@\"" reviewer "${base_args[@]}" --head "$work/head/cdktf.out" --out "$work/review.md") > /dev/null 2> "$work/review.err"
status=$?

case "$status" in
  0 | 1)
    # The review's own title is already the comment's.
    sed '1{/^# Kafka platform plan review$/d}' "$work/review.md" | sed '1{/^$/d}' >> "$comment"
    if [ "$status" -eq 1 ]; then finish blocked 1; fi
    if grep -q '^⚠️ [0-9]* warning' "$work/review.md"; then finish warned 0; fi
    finish passed 0
    ;;
  *)
    {
      echo "⛔ **Review failed closed**: the review engine of the merge base refused the outputs (exit $status):"
      echo
      log_tail "$work/review.err"
    } >> "$comment"
    finish review-error 1
    ;;
esac
