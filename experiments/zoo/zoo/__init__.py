"""Generator of a family of tiny transformer models with recorded lineage (the pedigree zoo)."""
