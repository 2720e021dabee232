#!/usr/bin/env bash
# Runs the benchmark suite: compiles bench/ as test sources (profile "bench") and runs the named suite class.
# Usage: [JAVA_OPTS=...] bench/run.sh [SuiteClass] [args...]   (default: org.zhsz.bench.Suite; JAVA_OPTS default -Xmx1g)
set -euo pipefail
cd "$(dirname "$0")/.."
main="${1:-org.zhsz.bench.Suite}"; shift || true
./mvnw -B -q -Pbench -Dskip.frontend=true test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java ${JAVA_OPTS:--Xmx1g} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$main" "$@"
