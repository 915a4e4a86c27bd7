package dev.pedigree.model.safetensors;

/**
 * One validated tensor entry of a safetensors header.
 *
 * @param begin first byte of the tensor, relative to the start of the data section
 * @param end   one past its last byte
 */
record HeaderEntry(String name, SafetensorsDtype dtype, long[] shape, long elementCount, long begin, long end) {
}
