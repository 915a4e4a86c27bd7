/** The safetensors reader: single files and sharded checkpoints, memory-mapped, every dtype. */
package dev.pedigree.model.safetensors;
