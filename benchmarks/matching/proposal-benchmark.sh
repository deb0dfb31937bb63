#!/usr/bin/env bash
# The matching engine's benchmark: top-10 proposals among 10,000 and 100,000 published opportunities (p50, p99),
# the index's rebuild from the database and heap per opportunity, proposals per second from several threads.
# Usage: benchmarks/matching/proposal-benchmark.sh [sizes=10000,100000] [queries=2000] [threads=4]
# Needs JDK 17+ and the dependencies in ~/.m2 (it builds offline); figures in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -o -q test-compile dependency:build-classpath -pl matching-service -am \
    -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
classpath="matching-service/target/classes:matching-service/target/test-classes:$(cat matching-service/target/benchmark.classpath)"
exec java -Xms4g -Xmx4g -XX:+UseG1GC -cp "$classpath" \
    org.urbancooperation.matching.proposal.application.ProposalBenchmark "$@"
