#!/usr/bin/env bash
# Search benchmark: bench/search/run.sh [ARTICLES]   (default 100000; see README.md here)
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-100000}"
mvn -q -B -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
# Run from a copy of the classes, so rebuilding the project meanwhile cannot disturb the run.
COPY="$(mktemp -d)"
trap 'rm -rf "$COPY"' EXIT
cp -r target/classes target/test-classes "$COPY/"
java ${BENCH_JAVA_OPTS:--Xmx3g} -cp "$COPY/test-classes:$COPY/classes:$(cat target/bench-classpath.txt)" \
    org.gazette.search.SearchBenchmark "$N"
