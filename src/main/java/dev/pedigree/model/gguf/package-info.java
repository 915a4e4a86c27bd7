/**
 * The GGUF reader (v2, v3): {@link dev.pedigree.model.gguf.GgufReader} maps a file once, parses and
 * validates its header, and returns a {@link dev.pedigree.model.gguf.GgufFile} whose tensors are
 * slices of the mapping, decoded on read by one small decoder per ggml type
 * ({@link dev.pedigree.model.gguf.GgmlType} lists the types and their block facts). Metadata arrays
 * (the vocabulary, merges, scores) are not copied at open: they are list views over the mapping,
 * valid while the file is open. {@link dev.pedigree.model.gguf.GgufArchitecture} reads the declared
 * architecture out of the key-values; declared lineage ({@code general.base_model.*}) is read with
 * every other claim by {@link dev.pedigree.model.lineage.DeclaredLineageReader}.
 */
package dev.pedigree.model.gguf;
