/**
 * Opening a resolved model: the right reader for its format, its architecture (config.json when the
 * directory has one, else what the format itself says), its tensor roles, its declared lineage and
 * its lazily computed digest, gathered into one {@link dev.pedigree.model.open.Model}. The
 * per-format choices live in one place, {@link dev.pedigree.model.open.FormatWiring}.
 */
package dev.pedigree.model.open;
