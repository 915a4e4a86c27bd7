package dev.pedigree.model.onnx;

/**
 * A {@code com.microsoft::MatMulNBits} weight: {@code N} rows of {@code K} values in blocks of
 * {@code blockSize}, {@code bits} per value packed low bits first, one scale per (row, block) and an
 * optional packed unsigned zero point per (row, block), default {@code 2^(bits-1)}.
 */
record BlockQuantizedWeight(String quantized, String scale, String zeroPoint, long n, long k, int bits, int blockSize) {

    long blocksPerRow() {
        return (k + blockSize - 1) / blockSize;
    }

    /** Bytes one block of B occupies. */
    long blobBytes() {
        return (long) blockSize * bits / 8;
    }

    /** Bytes of packed zero points per row: {@code ceil(blocks * bits / 8)}. */
    long zeroPointBytesPerRow() {
        return (blocksPerRow() * bits + 7) / 8;
    }
}
