/**
 * Prompt sets for black-box queries: {@link dev.pedigree.blackbox.prompts.PromptSet} loads a set (the
 * shipped ones in {@code prompts/} or a user's own, one prompt per UTF-8 line) with its content hash;
 * {@link dev.pedigree.blackbox.prompts.PromptSetGenerator} makes the shipped sets deterministically
 * from a seed, drawing from the {@link dev.pedigree.blackbox.prompts.PromptSource}s (English sentence
 * openings, code-like lines, random token sequences, factual question openings) and the word lists
 * under this package's resources.
 */
package dev.pedigree.blackbox.prompts;
