#!/usr/bin/env bash
# Regenerates the zoo.
#   experiments/zoo/build.sh          full zoo into experiments/zoo/build/ (ignored by git)
#   experiments/zoo/build.sh fast     the committed fixtures into src/test/resources/zoo/
# JOBS=2 (default) workers build independent model families in parallel, one torch thread each;
# a final pass builds what spans families and writes lineage.json, pairs.csv, tasks.json, losses.csv.
# The small result files are copied to experiments/zoo/results/<profile>/ for the notebook.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
python=${PYTHON:-$root/.venv/bin/python}
[ -x "$python" ] || python=/work/venv/bin/python
profile=${1:-full}
jobs=${JOBS:-2}
case "$profile" in
  full) out="$here/build" ;;
  fast) out="$root/src/test/resources/zoo" ;;
  smoke) out="${TMPDIR:-/tmp}/pedigree-zoo-smoke" ;;
  *) echo "usage: $0 [full|fast|smoke]" >&2; exit 2 ;;
esac
rm -rf "$out"
cd "$here"
start=$(date +%s)
run() { PYTHONWARNINGS=ignore nice -n 10 "$python" -m zoo.build --profile "$profile" --out "$out" "$@"; }
run --prepare-only
pids=()
for ((g = 0; g < jobs; g++)); do
  run --group "$g" --groups "$jobs" > "$out/worker-$g.log" 2>&1 &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
grep -h "s  eval" "$out"/worker-*.log || true
run --groups "$jobs"
PYTHONWARNINGS=ignore nice -n 10 "$python" -m zoo.probe --out "$out"  # output agreement of the labelled pairs
rm -rf "$out/state" "$out"/worker-*.log
echo "wall time: $(( $(date +%s) - start )) s" >&2
[ "$profile" = smoke ] && exit 0
mkdir -p "$here/results/$profile"
cp "$out"/{lineage.json,pairs.csv,tasks.json,losses.csv,checks.csv,lineage-table.md,corpus-manifest.json,build-times.json,logit-agreement.csv} "$here/results/$profile/"
