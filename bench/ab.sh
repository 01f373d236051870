#!/usr/bin/env bash
# Compare two builds of onus on one part of the medium corpus, run
# alternately so that both see the same moments of a shared host, and print
# for each the minimum and median wall time, CPU time (user + system) and
# peak resident memory.
#
#   bench/ab.sh REV                   # git revision REV against the working tree, k8s part, 10 runs each
#   bench/ab.sh REV terraform         # another part (k8s, terraform, cloudformation)
#   RUNS=5 bench/ab.sh HEAD~3 k8s     # 5 runs each
#
# CORPUS, GEN_CORPUS and FORMAT are read as bench/run.sh reads them. Needs
# git, GNU time (/usr/bin/time) and python3.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: bench/ab.sh REV [k8s|terraform|cloudformation]" >&2
	exit 2
fi
rev=$1
part=${2:-k8s}
case $part in
k8s | terraform | cloudformation) ;;
*) echo "unknown part $part (want k8s, terraform or cloudformation)" >&2; exit 2 ;;
esac
runs=${RUNS:-10}
format=${FORMAT:-text}
corpus=${CORPUS:-$repo/bench/corpus}
if [ ! -d "$corpus/$part" ]; then
	# bench/run.sh generates the corpus; run it for nothing but that
	RUNS=0 bash "$repo/bench/run.sh" "$part" >/dev/null
fi
if [ ! -x /usr/bin/time ]; then
	echo "/usr/bin/time (GNU time) is required for peak memory" >&2
	exit 2
fi

work=$(mktemp -d)
cleanup() {
	git -C "$repo" worktree remove --force "$work/old-tree" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT
git -C "$repo" worktree add --detach "$work/old-tree" "$rev" >/dev/null 2>&1
(cd "$work/old-tree" && go build -o "$work/old" ./cmd/onus)
(cd "$repo" && go build -o "$work/new" ./cmd/onus)
echo "$(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); $rev (old) against the working tree (new), $part, $runs runs each, alternating, --format $format"

for i in $(seq "$runs"); do
	for build in old new; do
		set +e
		/usr/bin/time -f '%e %U %S %M' -o "$work/t" "$work/$build" scan --format "$format" --fail-on none -o /dev/null "$corpus/$part"
		code=$?
		set -e
		if [ "$code" -ne 0 ]; then
			echo "onus scan ($build) exited $code" >&2
			exit 1
		fi
		echo "$build $(tail -1 "$work/t")" >>"$work/times"
	done
done
python3 - "$work/times" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    build, wall, user, sys_, rss = line.split()
    rows.setdefault(build, []).append((float(wall), float(user) + float(sys_), int(rss) / 1024))
for build in ("old", "new"):
    wall, cpu, rss = (sorted(x) for x in zip(*rows[build]))
    print(f"{build}: wall min {wall[0]:.2f} s, median {statistics.median(wall):.2f} s; "
          f"CPU median {statistics.median(cpu):.2f} s; peak RSS median {statistics.median(rss):.0f} MiB, max {rss[-1]:.0f} MiB")
EOF
