#!/usr/bin/env bash
# Regenerates the zoo.
#   experiments/zoo/build.sh          full zoo into experiments/zoo/build/ (ignored by git)
#   experiments/zoo/build.sh fast     the committed fixtures into src/test/resources/zoo/
# Either way the small result files (lineage, pairs, tasks, losses, checks) are copied to
# experiments/zoo/results/<profile>/ for the notebook.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
python=${PYTHON:-$root/.venv/bin/python}
[ -x "$python" ] || python=/work/venv/bin/python
profile=${1:-full}
case "$profile" in
  full) out="$here/build" ;;
  fast) out="$root/src/test/resources/zoo" ;;
  *) echo "usage: $0 [full|fast]" >&2; exit 2 ;;
esac
rm -rf "$out"
cd "$here"
start=$(date +%s)
PYTHONWARNINGS=ignore nice -n 10 "$python" -m zoo.build --profile "$profile" --out "$out"
echo "wall time: $(( $(date +%s) - start )) s" >&2
mkdir -p "$here/results/$profile"
cp "$out"/{lineage.json,pairs.csv,tasks.json,losses.csv,checks.csv,lineage-table.md,corpus-manifest.json,build-times.json} "$here/results/$profile/"
