/**
 * Declared lineage: what a model says about its own origin (model card {@code base_model} and
 * {@code base_model_relation}, PEFT {@code adapter_config.json}, GGUF {@code general.base_model.*},
 * {@code general.source.*}, {@code general.quantized_by}). These are claims, reported beside what the
 * weights show, never taken as evidence.
 */
package dev.pedigree.model.lineage;
