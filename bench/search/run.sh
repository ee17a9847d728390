#!/usr/bin/env bash
# Search benchmark: bench/search/run.sh [ARTICLES]   (default 100000; see README.md here)
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-100000}"
mvn -q -B -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java ${BENCH_JAVA_OPTS:--Xmx3g} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.gazette.search.SearchBenchmark "$N"
