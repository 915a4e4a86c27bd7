package dev.pedigree.model.onnx;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Where a tensor's values live once validated: little-endian bytes in a mapped file (raw_data,
 * packed float/double fields, external data), or integers already decoded from varint fields. Every
 * variant decodes a flat element range to float; the range is checked by the caller.
 */
sealed interface TensorData {
    ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    void decode(long first, float[] dst, int offset, int count);

    /** Bytes of a mapped file laid out as ONNX raw_data: little-endian, 4-bit types two per byte. */
    record LittleEndian(OnnxDataType type, MemorySegment bytes) implements TensorData {
        @Override
        public void decode(long first, float[] dst, int offset, int count) {
            switch (type) {
                case FLOAT -> MemorySegment.copy(bytes, F32, first * 4, dst, offset, count);
                case DOUBLE -> {
                    for (int i = 0; i < count; i++) {
                        dst[offset + i] = (float) bytes.get(F64, (first + i) * 8);
                    }
                }
                case FLOAT16 -> {
                    for (int i = 0; i < count; i++) {
                        dst[offset + i] = ElementDecoding.float16(bytes.get(I16, (first + i) * 2));
                    }
                }
                case BFLOAT16 -> {
                    for (int i = 0; i < count; i++) {
                        dst[offset + i] = ElementDecoding.bfloat16(bytes.get(I16, (first + i) * 2));
                    }
                }
                case INT8 -> {
                    for (int i = 0; i < count; i++) {
                        dst[offset + i] = bytes.get(ValueLayout.JAVA_BYTE, first + i);
                    }
                }
                case UINT8, BOOL -> {
                    for (int i = 0; i < count; i++) {
                        dst[offset + i] = bytes.get(ValueLayout.JAVA_BYTE, first + i) & 0xFF;
                    }
                }
                case INT16 -> {
                    for (int i = 0; i < count; i++) {
                        dst[offset + i] = bytes.get(I16, (first + i) * 2);
                    }
                }
                case UINT16 -> {
                    for (int i = 0; i < count; i++) {
                        dst[offset + i] = bytes.get(I16, (first + i) * 2) & 0xFFFF;
                    }
                }
                case INT32 -> {
                    for (int i = 0; i < count; i++) {
                        dst[offset + i] = bytes.get(I32, (first + i) * 4);
                    }
                }
                case UINT32 -> {
                    for (int i = 0; i < count; i++) {
                        dst[offset + i] = Integer.toUnsignedLong(bytes.get(I32, (first + i) * 4));
                    }
                }
                case INT64 -> {
                    for (int i = 0; i < count; i++) {
                        dst[offset + i] = bytes.get(I64, (first + i) * 8);
                    }
                }
                case UINT64 -> {
                    for (int i = 0; i < count; i++) {
                        dst[offset + i] = unsignedToFloat(bytes.get(I64, (first + i) * 8));
                    }
                }
                case FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2, FLOAT8E5M2FNUZ -> {
                    for (int i = 0; i < count; i++) {
                        dst[offset + i] = ElementDecoding.float8(type, bytes.get(ValueLayout.JAVA_BYTE, first + i));
                    }
                }
                case INT4, UINT4 -> {
                    for (int i = 0; i < count; i++) {
                        long e = first + i;
                        dst[offset + i] = ElementDecoding.nibble(bytes.get(ValueLayout.JAVA_BYTE, e >> 1), e, type == OnnxDataType.INT4);
                    }
                }
            }
        }
    }

    /**
     * Values from int32_data, int64_data or uint64_data, one entry per element except for the 4-bit
     * types, where each entry holds one packed byte (two elements), as the onnx helpers write them.
     */
    record Integers(OnnxDataType type, long[] values) implements TensorData {
        @Override
        public void decode(long first, float[] dst, int offset, int count) {
            for (int i = 0; i < count; i++) {
                long e = first + i;
                dst[offset + i] = switch (type) {
                    case FLOAT16 -> ElementDecoding.float16((int) values[(int) e]);
                    case BFLOAT16 -> ElementDecoding.bfloat16((int) values[(int) e]);
                    case FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2, FLOAT8E5M2FNUZ -> ElementDecoding.float8(type, (int) values[(int) e]);
                    case INT4, UINT4 -> ElementDecoding.nibble((int) values[(int) (e >> 1)], e, type == OnnxDataType.INT4);
                    case INT8 -> (byte) values[(int) e];
                    case UINT8 -> values[(int) e] & 0xFF;
                    case INT16 -> (short) values[(int) e];
                    case UINT16 -> values[(int) e] & 0xFFFF;
                    case INT32 -> (int) values[(int) e];
                    case UINT32 -> values[(int) e] & 0xFFFFFFFFL;
                    case UINT64 -> unsignedToFloat(values[(int) e]);
                    default -> values[(int) e];
                };
            }
        }
    }

    /** float_data or double_data that arrived in several chunks or unpacked, gathered once at open. */
    record Doubles(double[] values) implements TensorData {
        @Override
        public void decode(long first, float[] dst, int offset, int count) {
            for (int i = 0; i < count; i++) {
                dst[offset + i] = (float) values[(int) (first + i)];
            }
        }
    }

    private static float unsignedToFloat(long v) {
        return v >= 0 ? v : (float) (v >>> 1) * 2f;
    }
}
