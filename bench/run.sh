#!/usr/bin/env bash
# Runs the benchmark suite: compiles bench/ as test sources (profile "bench") and runs the named suite class.
# Usage: [JAVA_OPTS=...] bench/run.sh [SuiteClass] [args...]   (default: org.zhsz.bench.Suite; JAVA_OPTS default -Xmx1g)
set -euo pipefail
cd "$(dirname "$0")/.."
main="${1:-org.zhsz.bench.Suite}"; shift || true
# quiet when it compiles; the compiler's messages when it does not
if ! build_log=$(./mvnw -B -q -Pbench -Dskip.frontend=true test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath 2>&1); then
  printf '%s\n' "$build_log" >&2
  echo "bench/run.sh: the benchmarks do not compile (see above)" >&2
  exit 1
fi
exec java ${JAVA_OPTS:--Xmx1g} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$main" "$@"
