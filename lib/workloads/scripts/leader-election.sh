#!/usr/bin/env bash
# leader-election.sh: moves partition leadership back to each partition's preferred replica.
set -euo pipefail
. "$(dirname "$0")/kafka-client.sh"
kafka-leader-election.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --admin.config "$KAFKA_CLIENT_CONFIG" \
  --election-type PREFERRED --all-topic-partitions
