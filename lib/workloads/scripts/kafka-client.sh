#!/usr/bin/env bash
# Sourced by the Kafka CLI scripts: puts the Kafka tools on PATH and writes the client configuration
# to $KAFKA_CLIENT_CONFIG from what the workload mounts (cluster CA, the KafkaUser's Secret).
# Secrets are read from files, never passed on a command line.

export PATH="${KAFKA_HOME:-/opt/kafka}/bin:$PATH"
KAFKA_CLIENT_CONFIG="${KAFKA_CLIENT_CONFIG:-/tmp/client.properties}"
: "${KAFKA_BOOTSTRAP_SERVERS:?KAFKA_BOOTSTRAP_SERVERS is not set}"
CA_FILE="${KAFKA_CLUSTER_CA_DIR:-/etc/kafka-platform/cluster-ca}/ca.crt"
USER_DIR="${KAFKA_USER_DIR:-/etc/kafka-platform/user}"

write_client_config() {
  umask 077
  {
    echo "bootstrap.servers=${KAFKA_BOOTSTRAP_SERVERS}"
    echo "security.protocol=${KAFKA_SECURITY_PROTOCOL:-PLAINTEXT}"
    case "${KAFKA_SECURITY_PROTOCOL:-PLAINTEXT}" in
      SSL|SASL_SSL)
        echo "ssl.truststore.type=PEM"
        echo "ssl.truststore.location=${CA_FILE}"
        ;;
    esac
    case "${KAFKA_CLIENT_AUTH:-none}" in
      scram-sha-512)
        local password
        password="$(cat "${USER_DIR}/password")"
        echo "sasl.mechanism=SCRAM-SHA-512"
        echo "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"${KAFKA_USERNAME}\" password=\"${password}\";"
        ;;
      tls)
        echo "ssl.keystore.type=PKCS12"
        echo "ssl.keystore.location=${USER_DIR}/user.p12"
        echo "ssl.keystore.password=$(cat "${USER_DIR}/user.password")"
        ;;
    esac
  } > "$KAFKA_CLIENT_CONFIG"
}

write_client_config
