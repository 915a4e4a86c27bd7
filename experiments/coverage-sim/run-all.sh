#!/usr/bin/env bash
# Regenerates every committed result of this folder (from the repository root): ./experiments/coverage-sim/run-all.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
for s in headline null-pools heterogeneous-null sources-m50 sources-m10 depth; do
  nice ./pedigree experiment coverage-sim --config "experiments/coverage-sim/$s.json" --out experiments/coverage-sim/results --threads 2
done
