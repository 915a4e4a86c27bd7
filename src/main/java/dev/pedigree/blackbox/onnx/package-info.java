/**
 * In-process backends on ONNX Runtime (its Java API, as bundled with DJL's engine) with DJL
 * HuggingFace tokenizers: a causal language model and a sentence encoder.
 */
package dev.pedigree.blackbox.onnx;
