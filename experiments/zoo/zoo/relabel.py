"""Recomputes pairs.csv and tasks.json of a built zoo from its lineage.json (the labels are a pure
function of the recorded lineage and the profile's settings).

    python -m zoo.relabel --out experiments/zoo/build
"""
import argparse
import json
from pathlib import Path

from . import lineage, recipes


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    doc = json.loads((args.out / "lineage.json").read_text())
    models = {m["id"]: m for m in doc["models"]}
    lineage.write_labels(args.out, models, recipes.PROFILES[doc["profile"]]())
    print(f"relabelled {len(models)} models -> {args.out}")


if __name__ == "__main__":
    main()
