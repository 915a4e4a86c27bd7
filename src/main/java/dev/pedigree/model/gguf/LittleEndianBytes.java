package dev.pedigree.model.gguf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian loads from a byte array, as every GGUF field and tensor value is stored. */
final class LittleEndianBytes {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndianBytes() {
    }

    static short int16(byte[] b, int i) {
        return (short) SHORT.get(b, i);
    }

    static int int32(byte[] b, int i) {
        return (int) INT.get(b, i);
    }

    static long int64(byte[] b, int i) {
        return (long) LONG.get(b, i);
    }

    /** IEEE half precision, the scale type of every block format. */
    static float float16(byte[] b, int i) {
        return Float.float16ToFloat((short) SHORT.get(b, i));
    }
}
