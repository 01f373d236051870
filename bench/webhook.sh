#!/usr/bin/env bash
# Load-test the admission webhook of a real onus serve process: build onus,
# start `onus serve` on loopback (a temporary SQLite store, a self-signed
# certificate, the default flags), send it typical Deployments with the
# load generator (bench/webhook) from another process, stop the server
# gracefully, and print the latency the generator saw, the server's own
# latency (its /metrics histogram), the server's CPU per request and its
# peak resident memory.
#
#   bench/webhook.sh                  # the working tree, 3 runs
#   bench/webhook.sh REV              # git revision REV (old) and the working tree (new), alternately
#   RUNS=5 N=20000 RATE=1000 CONNS=16 bench/webhook.sh
#
# The generator and the server share the machine's cores, as they would not
# in a cluster; on a 2-core host the generator takes about a sixth of the
# CPU. Needs git (with REV), curl, GNU time (/usr/bin/time) and python3.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
n=${N:-10000}
rate=${RATE:-1000}
conns=${CONNS:-16}
port=${PORT:-18443}
rev=${1:-}
for tool in curl python3 /usr/bin/time; do
	command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 2; }
done

work=$(mktemp -d)
server_pid=
cleanup() {
	if [ -n "$server_pid" ]; then pkill -P "$server_pid" 2>/dev/null || true; fi
	if [ -n "$rev" ]; then git -C "$repo" worktree remove --force "$work/old-tree" >/dev/null 2>&1 || true; fi
	rm -rf "$work"
}
trap cleanup EXIT
(cd "$repo" && go build -o "$work/new" ./cmd/onus && go build -o "$work/generator" ./bench/webhook)
builds=(new)
if [ -n "$rev" ]; then
	git -C "$repo" worktree add --detach "$work/old-tree" "$rev" >/dev/null 2>&1
	(cd "$work/old-tree" && go build -o "$work/old" ./cmd/onus)
	builds=(old new)
fi
echo "$(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); ${rev:+$rev (old) and }the working tree (new); $runs runs of $n requests at $rate/s over $conns connections"

for i in $(seq "$runs"); do
	for build in "${builds[@]}"; do
		rm -rf "$work/db" && mkdir "$work/db"
		ONUS_ADMIN_TOKEN=onus_benchmarkbenchmarkbenchmarkbenchmark \
			/usr/bin/time -f '%U %S %M' -o "$work/server-time" \
			"$work/$build" serve --addr "127.0.0.1:$port" --db "$work/db/onus.db" --self-signed --hosts 127.0.0.1 \
			>"$work/server-out" 2>"$work/server-log" &
		server_pid=$!
		for _ in $(seq 100); do
			if curl -skf "https://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
			sleep 0.1
		done
		if ! curl -skf "https://127.0.0.1:$port/readyz" >/dev/null 2>&1; then
			echo "onus serve ($build) did not become ready:" >&2
			tail -5 "$work/server-log" >&2
			exit 1
		fi
		"$work/generator" -url "https://127.0.0.1:$port" -n "$n" -rate "$rate" -c "$conns" -warm 500 >"$work/gen-out"
		# GNU time ignores SIGINT while it waits: signal the server itself
		pkill -INT -P "$server_pid"
		wait "$server_pid" || true
		server_pid=
		python3 - "$build" "$work/gen-out" "$work/server-time" "$n" >>"$work/results" <<'EOF'
import re, sys
build, gen, tm, n = sys.argv[1], open(sys.argv[2]).read(), open(sys.argv[3]).read().split(), int(sys.argv[4])
def ms(s):
    v, u = re.match(r"([\d.]+)(ms|µs|s)", s).groups()
    return float(v) * {"ms": 1, "µs": 1e-3, "s": 1e3}[u]
lat = re.search(r"latency\s+p50 (\S+)\s+p90 (\S+)\s+p99 (\S+)", gen)
srv = re.search(r"server\s+p50 (\S+)\s+p90 (\S+)\s+p99 (\S+)", gen)
errs = int(re.search(r"(\d+) errors", gen).group(1))
user, sys_, rss = float(tm[-3]), float(tm[-2]), int(tm[-1])
print(build, ms(lat.group(1)), ms(lat.group(3)), ms(srv.group(1)) if srv else -1, ms(srv.group(3)) if srv else -1,
      (user + sys_) / (n + 500) * 1e6, rss / 1024, errs)
EOF
		tail -1 "$work/results" | awk '{printf "  %-4s p50 %.2f ms  p99 %.2f ms  server p50 %.2f ms  p99 %.2f ms  server CPU %.0f µs/request  peak %.0f MiB  %d errors\n", $1, $2, $3, $4, $5, $6, $7, $8}'
	done
done

python3 - "$work/results" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    f = line.split()
    rows.setdefault(f[0], []).append([float(x) for x in f[1:]])
print("median of the runs (min in brackets):")
for build, rs in rows.items():
    col = lambda i: [r[i] for r in rs]
    med = lambda i: statistics.median(col(i))
    print(f"  {build:4} p50 {med(0):.2f} ms  p99 {med(1):.2f} ms [{min(col(1)):.2f}]  server p99 {med(3):.2f} ms  "
          f"server CPU {med(4):.0f} µs/request  peak {med(5):.0f} MiB  errors {sum(col(6)):.0f}")
EOF
