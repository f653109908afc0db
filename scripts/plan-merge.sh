#!/usr/bin/env bash
# What a live plan must plan: the pull request merged into the target branch as that branch is now
# (.github/workflows/plan-review.yml, job cdktf-diff), testable on any git repository:
#
#   plan-merge.sh --repo <git checkout> --target <ref> --head <ref>   →   `<head>` merged into `<target>` at `<tip>`
#
# Checks out the target's tip (detached) in <repo> and merges the head into it, so that a synth there gives what
# the merge would deploy. A plan of the head alone shows every change the target made after the branch forked
# as the pull request undoing it (main raised a topic's partitions 24 → 48: the stale head plans 48 → 24).
# Merged at the time the plan runs, not GitHub's refs/pull/N/merge of the event: the run waits for an approval,
# and the target may move in between.
#
# Prints the line for the PR comment. Exit 0 after a merge; 1 when the head does not merge cleanly (nothing to
# plan: the pull request must be updated first; the conflicting files are named on stderr); 2 on bad usage.
set -uo pipefail

usage() { echo "usage: plan-merge.sh --repo <git checkout> --target <ref> --head <ref>" >&2; exit 2; }
repo='' target='' head=''
while [ $# -gt 0 ]; do
  case "$1" in
    --repo) repo="${2:-}"; shift 2 || usage ;;
    --target) target="${2:-}"; shift 2 || usage ;;
    --head) head="${2:-}"; shift 2 || usage ;;
    *) echo "plan-merge: unexpected argument \"$1\"" >&2; usage ;;
  esac
done
if [ -z "$repo" ] || [ -z "$target" ] || [ -z "$head" ]; then usage; fi

tip="$(git -C "$repo" rev-parse --verify "$target^{commit}" 2>/dev/null)" || { echo "plan-merge: unknown target $target" >&2; exit 2; }
head_sha="$(git -C "$repo" rev-parse --verify "$head^{commit}" 2>/dev/null)" || { echo "plan-merge: unknown head $head" >&2; exit 2; }
git -C "$repo" checkout -q --detach "$tip" || exit 2

if ! git -C "$repo" -c user.name=plan-review -c user.email=plan-review@localhost merge -q --no-ff --no-edit \
  -m "plan: ${head_sha:0:12} merged into $target" "$head_sha" > /dev/null 2>&1; then
  conflicts="$(git -C "$repo" diff --name-only --diff-filter=U | paste -sd ' ' -)"
  git -C "$repo" merge --abort > /dev/null 2>&1
  echo "plan-merge: \`${head_sha:0:12}\` does not merge cleanly into \`$target\` at \`${tip:0:12}\`${conflicts:+ (conflicts: $conflicts)}: update the pull request" >&2
  exit 1
fi
echo "\`${head_sha:0:12}\` merged into \`$target\` at \`${tip:0:12}\`"
