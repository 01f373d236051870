#!/usr/bin/env bash
# Benchmark onus scan over the shared medium corpus and print, per part,
# wall time, CPU time, peak memory, resources, findings and error
# diagnostics (the corpus is valid input: any error fails the script).
#
#   bench/run.sh                      # every part: k8s, terraform, cloudformation, then all together
#   bench/run.sh k8s terraform        # some parts
#   RUNS=5 bench/run.sh k8s           # best of 5 (default 3)
#   FORMAT=text bench/run.sh          # the text report instead of JSON
#   CORPUS=/tmp/corpus bench/run.sh   # a corpus generated elsewhere
#   bench/run.sh terraform -- --policy DIR   # extra onus scan flags after --
#
# The corpus is generated once, deterministically, with
#   gen-corpus --out bench/corpus --k8s 2000 --tf 2000 --cfn 200 --seed 1
# (bench/corpus is git-ignored). GEN_CORPUS names the generator when it is
# not at ../shared/bench/gen-corpus. Needs GNU time (/usr/bin/time) and
# python3.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
corpus=${CORPUS:-$repo/bench/corpus}
runs=${RUNS:-3}
format=${FORMAT:-json}

parts=()
while [ $# -gt 0 ]; do
	case $1 in
	--) shift; break ;;
	k8s | terraform | cloudformation | all) parts+=("$1"); shift ;;
	*) echo "unknown part $1 (want k8s, terraform, cloudformation or all)" >&2; exit 2 ;;
	esac
done
[ ${#parts[@]} -gt 0 ] || parts=(k8s terraform cloudformation all)
extra=("$@")

if [ ! -d "$corpus/k8s" ] || [ ! -d "$corpus/terraform" ] || [ ! -d "$corpus/cloudformation" ]; then
	gen=${GEN_CORPUS:-}
	for candidate in "$repo/../shared/bench/gen-corpus" "$repo/../../shared/bench/gen-corpus"; do
		if [ -z "$gen" ] && [ -x "$candidate" ]; then gen=$candidate; fi
	done
	if [ -z "$gen" ]; then
		echo "gen-corpus not found: set GEN_CORPUS or CORPUS" >&2
		exit 2
	fi
	"$gen" --out "$corpus" --k8s 2000 --tf 2000 --cfn 200 --seed 1 >/dev/null
fi
if [ ! -x /usr/bin/time ]; then
	echo "/usr/bin/time (GNU time) is required for peak memory" >&2
	exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$repo" && go build -o "$work/onus" ./cmd/onus)
echo "$(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), best of $runs, --format $format"

for part in "${parts[@]}"; do
	if [ "$part" = all ]; then paths=("$corpus/k8s" "$corpus/terraform" "$corpus/cloudformation"); else paths=("$corpus/$part"); fi
	files=$(find "${paths[@]}" -type f | wc -l)
	best_wall="" best_rss=""
	for i in $(seq "$runs"); do
		set +e
		/usr/bin/time -v "$work/onus" scan --format "$format" --fail-on none -o "$work/report" "${extra[@]}" "${paths[@]}" 2>"$work/time.txt"
		code=$?
		set -e
		if [ "$code" -ne 0 ]; then
			cat "$work/time.txt" >&2
			echo "onus scan of $part exited $code" >&2
			exit 1
		fi
		wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
		secs=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
		rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
		user=$(awk -F': ' '/User time/ {print $2}' "$work/time.txt")
		sys=$(awk -F': ' '/System time/ {print $2}' "$work/time.txt")
		if [ "$format" = json ]; then
			counts=$(python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
print("%d resources, %d checks, %d findings, %d undetermined, %d errors" % (s["resources"], s["checks"], s["failed"], s["undetermined"], s["errors"]))
if s["errors"]:
    sys.exit(1)
' "$work/report") || { echo "$part: the corpus is valid input, but the scan reported error diagnostics" >&2; exit 1; }
		else
			counts=$(tail -1 "$work/report")
		fi
		printf '%-14s run %d: %5.2f s wall, %5.2f s CPU, %4d MiB peak RSS; %d files, %s\n' "$part" "$i" "$secs" "$(echo "$user $sys" | awk '{print $1 + $2}')" $((rss / 1024)) "$files" "$counts"
		if [ -z "$best_wall" ] || awk -v a="$secs" -v b="$best_wall" 'BEGIN {exit !(a < b)}'; then best_wall=$secs; fi
		if [ -z "$best_rss" ] || [ "$rss" -lt "$best_rss" ]; then best_rss=$rss; fi
	done
	printf '%-14s best: %.2f s wall, %d MiB peak RSS\n' "$part" "$best_wall" $((best_rss / 1024))
done
