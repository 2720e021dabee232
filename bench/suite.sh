#!/usr/bin/env bash
# The whole benchmark suite (about 10–15 minutes on 2 cores): one table, also in bench/results/latest.md.
# Usage: bench/suite.sh [--stats-results N] [--only write-path,authz,load,scorer,pdf,stats,fitness-import,county]
exec "$(dirname "$0")/run.sh" org.zhsz.bench.Suite "$@"
