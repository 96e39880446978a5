#!/usr/bin/env bash
# Finds the JDK the build and the services run on: Java 25 or newer (the build compiles for 25).
# Sourced by test.sh and run.sh: exports JAVA_HOME (the Maven Wrapper honours it) and puts its bin
# first on PATH, or prints one line saying how to install one and returns 1.
# Run directly, it prints the JAVA_HOME it found: JAVA_HOME=$(scripts/java-home.sh) ./mvnw …
# Order: JAVA_HOME if it already is 25+; else Temurin 25 where Debian's packages put it
# (/usr/lib/jvm/temurin-25-jdk-*, beside the system's default JDK, which may be older);
# else any other JDK 25+ in /usr/lib/jvm, newest first.

# The feature version (25) of the JDK in $1; nothing when it is not a JDK (no javac).
jdk_feature_version() {
  [[ -x $1/bin/java && -x $1/bin/javac ]] || return 0
  local version=
  if [[ -f $1/release ]]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)"$/\1/p' "$1/release")
  fi
  if [[ -z $version ]]; then
    version=$("$1/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  version=${version#1.} # 1.8.0 → 8
  echo "${version%%[.+-]*}"
}

find_java_home() {
  local minimum=25 candidate version
  local candidates=("${JAVA_HOME:-}")
  for candidate in /usr/lib/jvm/temurin-25-jdk-*; do candidates+=("$candidate"); done
  while IFS= read -r candidate; do candidates+=("$candidate"); done \
    < <(find /usr/lib/jvm -mindepth 1 -maxdepth 1 2>/dev/null | sort -rV)
  for candidate in "${candidates[@]}"; do
    [[ -n $candidate && -d $candidate ]] || continue
    version=$(jdk_feature_version "$candidate")
    if [[ $version =~ ^[0-9]+$ ]] && ((version >= minimum)); then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

found_java_home=$(find_java_home) || found_java_home=
unset -f jdk_feature_version find_java_home # sourced: leave the caller only JAVA_HOME and PATH
if [[ -n $found_java_home ]]; then
  export JAVA_HOME=$found_java_home
  export PATH="$JAVA_HOME/bin:$PATH"
  unset found_java_home
  if [[ ${BASH_SOURCE[0]} == "$0" ]]; then echo "$JAVA_HOME"; fi
else
  unset found_java_home
  echo "[java] Java 25 or newer is needed (JAVA_HOME=${JAVA_HOME:-unset}; none in /usr/lib/jvm): install Temurin 25 (Debian: add Adoptium's apt repository, https://adoptium.net/installation/linux/, then apt-get install temurin-25-jdk) or set JAVA_HOME to a JDK 25+" >&2
  # Sourced: fail the sourcing script's command (set -e stops it); run directly: exit.
  return 1 2>/dev/null || exit 1
fi
