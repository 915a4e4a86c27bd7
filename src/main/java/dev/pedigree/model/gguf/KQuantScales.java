package dev.pedigree.model.gguf;

/**
 * The 12-byte scale field of Q4_K and Q5_K: eight 6-bit scales and eight 6-bit mins, one pair per
 * 32-value sub-block. Bytes 0-3 hold scales 0-3 (low 6 bits), bytes 4-7 mins 0-3; bytes 8-11 hold
 * the low 4 bits of scales 4-7 (low nibble) and mins 4-7 (high nibble), whose top 2 bits sit in the
 * spare top bits of bytes 0-3 (scales) and 4-7 (mins).
 */
final class KQuantScales {
    private KQuantScales() {
    }

    /** Unpacks into {@code scales[0..8)} and {@code mins[0..8)} from {@code src[at..at+12)}. */
    static void unpack(byte[] src, int at, int[] scales, int[] mins) {
        for (int j = 0; j < 4; j++) {
            int lo = src[at + j] & 0xFF;
            int mid = src[at + 4 + j] & 0xFF;
            int hi = src[at + 8 + j] & 0xFF;
            scales[j] = lo & 63;
            mins[j] = mid & 63;
            scales[j + 4] = (hi & 0x0F) | ((lo >>> 6) << 4);
            mins[j + 4] = (hi >>> 4) | ((mid >>> 6) << 4);
        }
    }
}
