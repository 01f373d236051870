#!/usr/bin/env bash
# Scans the CloudFormation part of the medium benchmark corpus (200
# templates) and checks that every template loads without an error
# diagnostic. Usage: bench/run-cloudformation.sh [CORPUS_DIR]
# The corpus is generated with shared/bench/gen-corpus when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${1:-/tmp/onus-bench-corpus}
gen=${GEN_CORPUS:-../shared/bench/gen-corpus}
[ -x "$gen" ] || gen=/work/shared/bench/gen-corpus
if [ ! -d "$corpus/cloudformation" ]; then
	"$gen" --out "$corpus" --k8s 2000 --tf 2000 --cfn 200 --seed 1 >/dev/null
fi
templates=$(find "$corpus/cloudformation" -type f | wc -l)

go build -o /tmp/onus-bench ./cmd/onus
runs=${RUNS:-5}
best=""
for _ in $(seq "$runs"); do
	start=$(date +%s%N)
	set +e
	/tmp/onus-bench scan --format json --now 2026-11-01 --fail-on none "$corpus/cloudformation" > /tmp/onus-bench-cfn.json
	code=$?
	set -e
	end=$(date +%s%N)
	ms=$(( (end - start) / 1000000 ))
	if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
	if [ "$code" != 0 ]; then echo "scan exited $code"; exit 1; fi
done

python3 - "$templates" "$best" <<'PY'
import json, sys
rep = json.load(open("/tmp/onus-bench-cfn.json"))
s = rep["summary"]
errors = [d for d in rep.get("diagnostics") or [] if d["severity"] == "error"]
print(f"templates={sys.argv[1]} resources={s['resources']} checks={s['checks']} "
      f"findings={s['failed']} undetermined={s['undetermined']} errors={s['errors']} "
      f"warnings={s['warnings']} best_ms={sys.argv[2]}")
if errors:
    for d in errors[:10]:
        print("error:", d)
    sys.exit(1)
PY
