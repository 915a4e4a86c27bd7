#!/usr/bin/env bash
# Regenerates the calibrated-method results of this folder (from the repository root): ./experiments/coverage-sim/run-calibrated.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
for s in calibrated-headline-null calibrated-null null-compare-calibrated calibrated-headline calibrated-sources null-compare-mps pairwise-compare-calibrated pairwise-compare-mps pairwise-null; do
  nice ./pedigree experiment coverage-sim --config "experiments/coverage-sim/$s.json" --out experiments/coverage-sim/results --threads 1
done
