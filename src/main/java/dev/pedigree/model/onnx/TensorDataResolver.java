package dev.pedigree.model.onnx;

import dev.pedigree.model.ModelFormatException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a parsed TensorProto against its declared type and shape and finds where its values are:
 * raw_data, the typed field its type uses, or an external file. Every size is checked before any
 * allocation or read, and every failure names the model file and the tensor.
 */
final class TensorDataResolver {
    private final Path file;
    private final MemorySegment model;
    private final ExternalDataFiles external;

    TensorDataResolver(Path file, MemorySegment model, ExternalDataFiles external) {
        this.file = file;
        this.model = model;
        this.external = external;
    }

    ResolvedTensor resolve(TensorProtoFields t, String name) {
        OnnxDataType type = OnnxDataType.byId(t.dataType).orElseThrow(() -> fail(name, "unknown data type " + t.dataType));
        long[] shape = t.dimsArray();
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw fail(name, "negative dimension " + d);
            }
            try {
                count = Math.multiplyExact(count, d);
            } catch (ArithmeticException e) {
                throw fail(name, "shape " + java.util.Arrays.toString(shape) + " overflows");
            }
        }
        long rawBytes;
        try {
            rawBytes = type.rawBytes(count);
        } catch (ArithmeticException e) {
            throw fail(name, "shape " + java.util.Arrays.toString(shape) + " overflows");
        }
        if (t.dataLocation == 1) {
            MemorySegment bytes = externalBytes(t, name, rawBytes);
            return new ResolvedTensor(name, type, shape, count, rawBytes, new TensorData.LittleEndian(type, bytes));
        }
        if (t.dataLocation != 0) {
            throw fail(name, "unknown data_location " + t.dataLocation);
        }
        if (t.raw != null) {
            if (t.raw.length() != rawBytes) {
                throw fail(name, "raw_data has " + t.raw.length() + " bytes, " + type.label() + java.util.Arrays.toString(shape) + " needs " + rawBytes);
            }
            return new ResolvedTensor(name, type, shape, count, rawBytes,
                    new TensorData.LittleEndian(type, model.asSlice(t.raw.offset(), t.raw.length())));
        }
        return switch (type.typedField()) {
            case FLOAT_DATA -> fixedWidth(t.packedFloats, t.unpackedFloats, 4, OnnxDataType.FLOAT, type, shape, count, name);
            case DOUBLE_DATA -> fixedWidth(t.packedDoubles, t.unpackedDoubles, 8, OnnxDataType.DOUBLE, type, shape, count, name);
            case INT32_DATA, INT64_DATA, UINT64_DATA -> {
                long entries = type.bits() == 4 ? (count + 1) / 2 : count;
                if (t.integers.size() != entries) {
                    throw fail(name, dataDescription(t) + "; " + type.label() + java.util.Arrays.toString(shape) + " needs " + entries
                            + " entries in " + type.typedField().name().toLowerCase(java.util.Locale.ROOT));
                }
                yield new ResolvedTensor(name, type, shape, count, rawBytes, new TensorData.Integers(type, t.integers.toArray()));
            }
        };
    }

    private ResolvedTensor fixedWidth(List<TensorProtoFields.Span> packed, GrowableValues unpacked, int width,
                                      OnnxDataType fieldType, OnnxDataType type, long[] shape, long count, String name) {
        long packedBytes = 0;
        for (TensorProtoFields.Span s : packed) {
            packedBytes += s.length();
        }
        if (packedBytes % width != 0 || packedBytes / width + unpacked.size() != count) {
            throw fail(name, (packedBytes / width + unpacked.size()) + " values in " + fieldType.label().toLowerCase(java.util.Locale.ROOT)
                    + "_data, shape " + java.util.Arrays.toString(shape) + " needs " + count);
        }
        long bytes = count * width;
        if (packed.size() == 1 && unpacked.size() == 0) {
            TensorProtoFields.Span s = packed.getFirst();
            return new ResolvedTensor(name, type, shape, count, bytes,
                    new TensorData.LittleEndian(fieldType, model.asSlice(s.offset(), s.length())));
        }
        if (count > GrowableValues.MAX_ENTRIES) {
            throw fail(name, "split " + fieldType.label() + " data of " + count + " values; large tensors must use raw_data");
        }
        double[] values = new double[(int) count];
        int n = 0;
        for (TensorProtoFields.Span s : packed) {
            for (long off = 0; off < s.length(); off += width) {
                values[n++] = width == 4 ? model.get(TensorData.F32, s.offset() + off) : model.get(TensorData.F64, s.offset() + off);
            }
        }
        for (long bits : unpacked.toArray()) {
            values[n++] = Double.longBitsToDouble(bits);
        }
        return new ResolvedTensor(name, type, shape, count, bytes, new TensorData.Doubles(values));
    }

    private MemorySegment externalBytes(TensorProtoFields t, String name, long expected) {
        String location = t.externalData.get("location");
        if (location == null) {
            throw fail(name, "external data without a location");
        }
        long offset = parseLong(t.externalData.getOrDefault("offset", "0"), "offset", name);
        long length = parseLong(t.externalData.getOrDefault("length", Long.toString(expected)), "length", name);
        if (length != expected) {
            throw fail(name, "external data length " + length + ", " + OnnxDataType.byId(t.dataType).map(OnnxDataType::label).orElse("?")
                    + java.util.Arrays.toString(t.dimsArray()) + " needs " + expected);
        }
        MemorySegment data = external.map(location, name);
        if (offset < 0 || offset > data.byteSize() || length > data.byteSize() - offset) {
            throw fail(name, "external data range [" + offset + ", " + offset + "+" + length + ") lies outside "
                    + location + " (" + data.byteSize() + " bytes)");
        }
        return data.asSlice(offset, length);
    }

    private long parseLong(String value, String key, String name) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw fail(name, "external data " + key + " is not a number: '" + value + "'");
        }
    }

    private static String dataDescription(TensorProtoFields t) {
        return t.integers.size() == 0 && t.packedFloats.isEmpty() && t.packedDoubles.isEmpty()
                && t.unpackedFloats.size() == 0 && t.unpackedDoubles.size() == 0
                ? "no data" : t.integers.size() + " integer entries";
    }

    private ModelFormatException fail(String name, String problem) {
        return new ModelFormatException(file, "tensor '" + name + "': " + problem);
    }
}
