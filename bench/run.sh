#!/usr/bin/env bash
# Benchmark onus scan over the Kubernetes half of the shared benchmark
# corpus and print wall time, peak memory and the number of findings.
#
#   bench/run.sh                # onus scan bench/corpus/k8s, best of 3 runs
#   RUNS=5 bench/run.sh
#   FORMAT=json bench/run.sh    # the JSON report instead of the text one
#   CORPUS=/tmp/corpus bench/run.sh
#
# The corpus is generated once, deterministically, with
#   gen-corpus --out bench/corpus --k8s 2000 --tf 2000 --cfn 200 --seed 1
# (bench/corpus is git-ignored). GEN_CORPUS names the generator when it is
# not at ../shared/bench/gen-corpus.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
corpus=${CORPUS:-$repo/bench/corpus}
runs=${RUNS:-3}
format=${FORMAT:-text}

if [ ! -d "$corpus/k8s" ]; then
	gen=${GEN_CORPUS:-}
	for candidate in "$repo/../shared/bench/gen-corpus" "$repo/../../shared/bench/gen-corpus"; do
		if [ -z "$gen" ] && [ -x "$candidate" ]; then gen=$candidate; fi
	done
	if [ -z "$gen" ]; then
		echo "gen-corpus not found: set GEN_CORPUS or CORPUS" >&2
		exit 2
	fi
	"$gen" --out "$corpus" --k8s 2000 --tf 2000 --cfn 200 --seed 1
fi
if [ ! -x /usr/bin/time ]; then
	echo "/usr/bin/time (GNU time) is required for peak memory" >&2
	exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$repo" && go build -o "$work/onus" ./cmd/onus)

files=$(find "$corpus/k8s" -type f | wc -l)
echo "onus scan --format $format over $corpus/k8s ($files files), $(nproc) CPUs, best of $runs"
best_wall="" best_rss=""
for i in $(seq "$runs"); do
	# exit 1 means findings, which the corpus has on purpose
	set +e
	/usr/bin/time -v "$work/onus" scan --format "$format" -o "$work/report" "$corpus/k8s" 2> "$work/time.txt"
	code=$?
	set -e
	if [ "$code" -gt 1 ]; then
		cat "$work/time.txt" >&2
		echo "onus scan exited $code" >&2
		exit 1
	fi
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
	secs=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
	rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
	user=$(awk -F': ' '/User time/ {print $2}' "$work/time.txt")
	if [ "$format" = json ]; then
		findings=$(grep -m1 '"failed":' "$work/report" | tr -dc '0-9')
	else
		findings=$(tail -1 "$work/report" | awk '{print $1}')
	fi
	printf 'run %d: %.2f s wall, %.2f s user, %d MiB peak RSS, %d findings\n' "$i" "$secs" "$user" $((rss / 1024)) "$findings"
	if [ -z "$best_wall" ] || awk -v a="$secs" -v b="$best_wall" 'BEGIN {exit !(a < b)}'; then best_wall=$secs; fi
	if [ -z "$best_rss" ] || [ "$rss" -lt "$best_rss" ]; then best_rss=$rss; fi
done
printf 'best: %.2f s wall, %d MiB peak RSS\n' "$best_wall" $((best_rss / 1024))
