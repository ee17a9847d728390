#!/usr/bin/env bash
# Items ingested per second from a local feed server. Usage: bench/ingest/run.sh [items] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -DskipTests package
exec java -Xmx1g -cp "target/gazette.jar:target/lib/*" bench/ingest/IngestBenchmark.java "${1:-1000}" "${2:-3}"
