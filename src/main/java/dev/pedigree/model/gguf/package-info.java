/** The GGUF reader (v2, v3): metadata, tensor infos, and one de-quantiser per ggml type. */
package dev.pedigree.model.gguf;
