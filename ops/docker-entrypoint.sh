#!/bin/sh
# The image's entry point: "node" runs Harbour as ops/run does, "store" the shared store as ops/store does.
set -eu
case "${1:-node}" in
  node)  exec java ${HARBOUR_JAVA_OPTS:--Xms256m -Xmx1g -XX:MaxGCPauseMillis=20 -XX:+UnlockExperimentalVMOptions -XX:G1NewSizePercent=40} -jar /opt/harbour/harbour.jar ;;
  store) exec java ${HARBOUR_STORE_JAVA_OPTS:--Xms128m -Xmx512m} -cp /opt/harbour/harbour.jar uk.harbour.store.embedded.StoreServer ;;
  *)     exec "$@" ;;
esac
