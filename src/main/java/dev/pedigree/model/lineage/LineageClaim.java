package dev.pedigree.model.lineage;

/**
 * One declared fact about a model's origin.
 *
 * @param key    what is claimed: {@code base_model}, {@code base_model_relation}, or the GGUF key
 *               ({@code general.base_model.0.name}, {@code general.source.url}, {@code general.quantized_by})
 * @param value  the declared value as written
 * @param origin where it was read: {@code README.md front matter}, {@code adapter_config.json},
 *               {@code gguf metadata}
 */
public record LineageClaim(String key, String value, String origin) {
}
