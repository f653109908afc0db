#!/bin/sh
# restore-load.sh load|cleanup: runs in the kubectl image. `load` creates the restore's source connector (a
# KafkaConnector of the backup's KafkaConnect reading this run's staged objects) and waits until it runs; `cleanup`
# deletes it once the records are verified. The connector is created here, not by the stack, because each run
# stages under its own prefix.
#
#   CONNECTOR_MANIFEST   the KafkaConnector as JSON; `__RUN__` stands for the run id the stage step wrote
#   CONNECTOR_NAME, NAMESPACE
#   RESTORE_MODE         dry-run (default: nothing is created) or execute
#   WORK_DIR             written by restore-stage.sh (run)
#   LOAD_TIMEOUT_SECONDS how long the connector may take to run (default 600)
# kubectl exits 1 with `Error from server (...)` when the API refuses; an unset status field prints nothing.
# Strimzi reports the connector's state in status.connectorStatus.connector.state (RUNNING, FAILED, ...).
# Exit codes: 0 done; 2 configuration; 5 the Kubernetes API refused; 6 the connector or a task failed;
# 8 the connector did not run within the timeout.
set -eu

fail() { echo "restore-load: error: $2" >&2; exit "$1"; }
action="${1:-load}"
: "${CONNECTOR_NAME:?}" "${NAMESPACE:?}" "${WORK_DIR:?}"
mode="${RESTORE_MODE:-dry-run}"
if [ "$mode" != execute ]; then echo "restore-load: dry run: no connector is $( [ "$action" = cleanup ] && echo deleted || echo created)"; exit 0; fi
err="$WORK_DIR/kubectl.err"
k() { kubectl -n "$NAMESPACE" "$@" 2> "$err" || fail 5 "kubectl $* failed: $(head -c 300 "$err" | tr '\n' ' ')"; }

case "$action" in
  cleanup)
    k delete kafkaconnector "$CONNECTOR_NAME" --ignore-not-found --wait=false
    echo "restore-load: connector $CONNECTOR_NAME deleted"
    exit 0 ;;
  load) ;;
  *) fail 2 "usage: restore-load.sh load|cleanup" ;;
esac

: "${CONNECTOR_MANIFEST:?}"
run="$(cat "$WORK_DIR/run" 2>/dev/null || true)"
[ -n "$run" ] || fail 2 "no run id in $WORK_DIR/run (the stage step did not run)"
# A connector left by an earlier run that failed before its cleanup would read that run's objects.
k delete kafkaconnector "$CONNECTOR_NAME" --ignore-not-found --wait=true
printf '%s' "$CONNECTOR_MANIFEST" | sed "s/__RUN__/$run/g" > "$WORK_DIR/connector.json"
k apply -f "$WORK_DIR/connector.json"
echo "restore-load: connector $CONNECTOR_NAME created for run $run"

timeout="${LOAD_TIMEOUT_SECONDS:-600}"
interval="${LOAD_POLL_SECONDS:-5}"
start="$(date -u +%s)"
while :; do
  state="$(k get kafkaconnector "$CONNECTOR_NAME" -o jsonpath='{.status.connectorStatus.connector.state}|{.status.connectorStatus.tasks[*].state}|{.status.connectorStatus.connector.trace}')"
  connector="${state%%|*}"; rest="${state#*|}"; tasks="${rest%%|*}"; trace="${rest#*|}"
  case " $connector $tasks " in
    *" FAILED "*) fail 6 "connector $CONNECTOR_NAME failed (connector $connector, tasks ${tasks:-none}): $(printf '%s' "$trace" | head -c 300)" ;;
  esac
  if [ "$connector" = RUNNING ] && [ -n "$tasks" ]; then
    case " $tasks " in *" RUNNING "*) echo "restore-load: connector $CONNECTOR_NAME is running (tasks: $tasks)"; exit 0 ;; esac
  fi
  [ $(( $(date -u +%s) - start )) -lt "$timeout" ] || fail 8 "connector $CONNECTOR_NAME not running after ${timeout}s (connector: ${connector:-no status yet}, tasks: ${tasks:-none})"
  sleep "$interval"
done
