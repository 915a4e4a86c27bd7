package dev.pedigree.model.gguf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian loads from the byte array a block decoder works on. */
final class LittleEndianBytes {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndianBytes() {
    }

    static int int32(byte[] b, int i) {
        return (int) INT.get(b, i);
    }

    /** IEEE half precision, the scale type of every block format. */
    static float float16(byte[] b, int i) {
        return Float.float16ToFloat((short) SHORT.get(b, i));
    }
}
