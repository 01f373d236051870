#!/usr/bin/env bash
# Measures onus on the Terraform part of the gen-corpus medium corpus
# (2,000 .tf files in about 520 root modules): wall time, CPU time and peak
# memory of one `onus scan` of corpus/terraform, a check that every module
# loads without an error diagnostic (the corpus is valid Terraform), then
# the Go benchmark BenchmarkScanTerraform.
#
# usage: bench/run-terraform.sh [extra onus scan flags, e.g. --policy DIR]
# env:   ONUS_BENCH_CORPUS  corpus folder (generated when missing)
#        GEN_CORPUS         path of gen-corpus (default: shared/bench beside the repository)
#        BENCH_COUNT        benchmark iterations (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${ONUS_BENCH_CORPUS:-${TMPDIR:-/tmp}/onus-bench-corpus}
if [ ! -d "$corpus/terraform" ]; then
  gen=${GEN_CORPUS:-}
  for c in ../shared/bench/gen-corpus /work/shared/bench/gen-corpus; do
    if [ -z "$gen" ] && [ -x "$c" ]; then gen=$c; fi
  done
  if [ -z "$gen" ]; then echo "gen-corpus not found; set GEN_CORPUS" >&2; exit 2; fi
  "$gen" --out "$corpus" --k8s 2000 --tf 2000 --cfn 200 --seed 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/onus" ./cmd/onus

echo "== onus scan $corpus/terraform ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
/usr/bin/time -v "$work/onus" scan --fail-on none --format json -o "$work/report.json" "$@" "$corpus/terraform" 2> "$work/time.txt"
grep -E 'Elapsed \(wall clock\)|User time|System time|Maximum resident' "$work/time.txt" | sed 's/^[[:space:]]*/  /'
summary=$(grep -o '"resources": [0-9]*\|"files": [0-9]*\|"errors": [0-9]*' "$work/report.json" | head -3 | tr '\n' ' ')
echo "  report: $summary"
errors=$(grep -o '"errors": [0-9]*' "$work/report.json" | head -1 | grep -o '[0-9]*$')
if [ "$errors" != 0 ]; then
  echo "the corpus is valid Terraform, but the scan reported $errors error diagnostics:" >&2
  grep -B2 -A6 '"severity": "error"' "$work/report.json" | head -40 >&2
  exit 1
fi

echo "== go test -bench BenchmarkScanTerraform"
ONUS_BENCH_CORPUS=$corpus go test -run '^$' -bench BenchmarkScanTerraform -benchtime "${BENCH_COUNT:-3}x" -benchmem ./bench/
