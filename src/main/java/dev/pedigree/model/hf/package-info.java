/**
 * The Hugging Face model-directory layout: reading {@code config.json} into an
 * {@link dev.pedigree.model.ArchitectureSpec}, taking the text backbone of nested multimodal configs.
 */
package dev.pedigree.model.hf;
