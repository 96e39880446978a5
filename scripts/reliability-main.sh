#!/usr/bin/env bash
# Builds the services and the reliability module offline, then runs one of the module's commands
# from the project's root with the suite's logging: faults.sh and replicas.sh call it.
#   scripts/reliability-main.sh <class under com.ticketbounty.reliability> [arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
export MAVEN_OPTS=${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}
main=$1
shift
./mvnw -B -q -o package -DskipTests -Dspotless.check.skip=true -pl reliability -am
exec "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -Dfaults.root="$PWD" \
  -Dlogback.configurationFile=reliability/target/classes/faults-logback.xml \
  -cp "reliability/target/classes:$(cat reliability/target/reliability-classpath.txt)" \
  "com.ticketbounty.reliability.$main" "$@"
