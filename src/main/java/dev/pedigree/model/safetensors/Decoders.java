package dev.pedigree.model.safetensors;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * One tight loop per safetensors element type, reading little-endian values straight from the mapped
 * segment (unaligned layouts: safetensors does not promise alignment of data offsets).
 */
final class Decoders {
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;

    private Decoders() {
    }

    static void f64(MemorySegment s, long at, float[] dst, int off, int n) {
        for (int i = 0; i < n; i++) {
            dst[off + i] = (float) s.get(DOUBLE, at + 8L * i);
        }
    }

    static void f32(MemorySegment s, long at, float[] dst, int off, int n) {
        MemorySegment.copy(s, FLOAT, at, dst, off, n);
    }

    static void f16(MemorySegment s, long at, float[] dst, int off, int n) {
        for (int i = 0; i < n; i++) {
            dst[off + i] = Float.float16ToFloat(s.get(SHORT, at + 2L * i));
        }
    }

    /** bfloat16 is the upper half of a float32: shifting the 16 bits up restores it exactly. */
    static void bf16(MemorySegment s, long at, float[] dst, int off, int n) {
        for (int i = 0; i < n; i++) {
            dst[off + i] = Float.intBitsToFloat(s.get(SHORT, at + 2L * i) << 16);
        }
    }

    static void f8e4m3(MemorySegment s, long at, float[] dst, int off, int n) {
        table(MiniFloat.E4M3FN, s, at, dst, off, n);
    }

    static void f8e5m2(MemorySegment s, long at, float[] dst, int off, int n) {
        table(MiniFloat.E5M2, s, at, dst, off, n);
    }

    private static void table(float[] values, MemorySegment s, long at, float[] dst, int off, int n) {
        for (int i = 0; i < n; i++) {
            dst[off + i] = values[s.get(BYTE, at + i) & 0xFF];
        }
    }

    static void i64(MemorySegment s, long at, float[] dst, int off, int n) {
        for (int i = 0; i < n; i++) {
            dst[off + i] = (float) s.get(LONG, at + 8L * i);
        }
    }

    static void i32(MemorySegment s, long at, float[] dst, int off, int n) {
        for (int i = 0; i < n; i++) {
            dst[off + i] = (float) s.get(INT, at + 4L * i);
        }
    }

    static void i16(MemorySegment s, long at, float[] dst, int off, int n) {
        for (int i = 0; i < n; i++) {
            dst[off + i] = s.get(SHORT, at + 2L * i);
        }
    }

    static void i8(MemorySegment s, long at, float[] dst, int off, int n) {
        for (int i = 0; i < n; i++) {
            dst[off + i] = s.get(BYTE, at + i);
        }
    }

    static void u64(MemorySegment s, long at, float[] dst, int off, int n) {
        for (int i = 0; i < n; i++) {
            dst[off + i] = unsignedToFloat(s.get(LONG, at + 8L * i));
        }
    }

    /**
     * Rounds an unsigned 64-bit value to the nearest float. Values at or above 2^63 are halved first,
     * keeping the dropped bit as a sticky bit so that the single rounding step stays correct.
     */
    static float unsignedToFloat(long v) {
        if (v >= 0) {
            return (float) v;
        }
        return 2f * (float) ((v >>> 1) | (v & 1));
    }

    static void u32(MemorySegment s, long at, float[] dst, int off, int n) {
        for (int i = 0; i < n; i++) {
            dst[off + i] = (float) Integer.toUnsignedLong(s.get(INT, at + 4L * i));
        }
    }

    static void u16(MemorySegment s, long at, float[] dst, int off, int n) {
        for (int i = 0; i < n; i++) {
            dst[off + i] = s.get(SHORT, at + 2L * i) & 0xFFFF;
        }
    }

    static void u8(MemorySegment s, long at, float[] dst, int off, int n) {
        for (int i = 0; i < n; i++) {
            dst[off + i] = s.get(BYTE, at + i) & 0xFF;
        }
    }

    /** Any non-zero byte is true, as numpy and torch read a bool buffer. */
    static void bool(MemorySegment s, long at, float[] dst, int off, int n) {
        for (int i = 0; i < n; i++) {
            dst[off + i] = s.get(BYTE, at + i) != 0 ? 1f : 0f;
        }
    }
}
