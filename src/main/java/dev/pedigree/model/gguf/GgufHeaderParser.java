package dev.pedigree.model.gguf;

import dev.pedigree.model.StoredTensor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Parses a mapped GGUF file in the order the format lays it out:
 * <pre>
 *   u32 magic "GGUF" | u32 version (2 or 3) | u64 tensor_count | u64 kv_count
 *   kv_count x (string key, u32 value type, value)
 *   tensor_count x (string name, u32 n_dims, u64 dims[n_dims] innermost first, u32 ggml type, u64 offset)
 *   padding to general.alignment (default 32) | data section
 * </pre>
 * Every count and length is checked against the bytes left before anything is allocated, and every
 * tensor's extent against the data section, so a file that passes can be read without further checks.
 */
final class GgufHeaderParser {
    /** "GGUF" read as a little-endian u32. */
    static final long MAGIC = 0x46554747L;
    static final long DEFAULT_ALIGNMENT = 32;
    static final int MAX_DIMS = 4;
    /** Real files nest arrays at most once; a deeper nest is corrupt and would only cost stack. */
    static final int MAX_ARRAY_DEPTH = 8;
    /** Smallest key-value: empty key (8), value type (4), a one-byte value. */
    private static final int MIN_KV_BYTES = 8 + 4 + 1;
    /** Smallest tensor info: empty name (8), n_dims (4), ggml type (4), offset (8). */
    private static final int MIN_TENSOR_INFO_BYTES = 8 + 4 + 4 + 8;

    private final Path file;
    private final GgufHeaderInput in;

    GgufHeaderParser(Path file, MemorySegment mapped) {
        this.file = file;
        this.in = new GgufHeaderInput(file, mapped);
    }

    GgufFile parse(Arena arena) {
        long magic = in.u32("the magic number");
        if (magic != MAGIC) {
            throw in.error("not a GGUF file: the magic number is 0x" + Long.toHexString(magic) + ", expected \"GGUF\"");
        }
        int version = checkVersion(in.u32("the version"));
        long tensorCount = in.u64("the tensor count");
        long kvCount = in.u64("the key-value count");
        if (kvCount > in.remaining() / MIN_KV_BYTES) {
            throw in.error("key-value count is absurd: " + kvCount + " with " + in.remaining() + " bytes left");
        }
        if (tensorCount > in.remaining() / MIN_TENSOR_INFO_BYTES) {
            throw in.error("tensor count is absurd: " + tensorCount + " with " + in.remaining() + " bytes left");
        }
        LinkedHashMap<String, Object> metadata = new LinkedHashMap<>();
        for (long i = 0; i < kvCount; i++) {
            String key = in.string("the key of key-value " + i);
            GgufValueType type = valueType(in.u32("the value type of " + key), key);
            if (metadata.put(key, value(type, key)) != null) {
                throw in.error("duplicate key " + key);
            }
        }
        long alignment = alignment(metadata.get("general.alignment"));
        List<TensorInfo> infos = new ArrayList<>((int) tensorCount);
        Set<String> names = new HashSet<>();
        for (long i = 0; i < tensorCount; i++) {
            TensorInfo t = tensorInfo(i, alignment);
            if (!names.add(t.name)) {
                throw in.error("duplicate tensor name " + t.name);
            }
            infos.add(t);
        }
        long dataOffset = alignUp(in.position(), alignment);
        long dataBytes = Math.max(0, in.segment().byteSize() - dataOffset);
        checkExtents(infos, dataBytes);
        List<StoredTensor> tensors = new ArrayList<>(infos.size());
        for (TensorInfo t : infos) {
            MemorySegment slice = t.bytes == 0
                    ? in.segment().asSlice(in.segment().byteSize(), 0)
                    : in.segment().asSlice(dataOffset + t.offset, t.bytes);
            tensors.add(new GgufTensor(file, t.name, t.type, t.shape, t.elements, slice));
        }
        return new GgufFile(file, arena, version, alignment, dataOffset, tensors, metadata);
    }

    private int checkVersion(long version) {
        if (version == 2 || version == 3) {
            return (int) version;
        }
        long swapped = Integer.reverseBytes((int) version) & 0xFFFF_FFFFL;
        if (swapped == 2 || swapped == 3) {
            throw in.error("big-endian GGUF (version " + swapped + ") is not supported; convert it to little-endian");
        }
        if (version == 1) {
            throw in.error("GGUF version 1 is not supported (pedigree reads versions 2 and 3; "
                    + "version 1 predates 64-bit counts)");
        }
        throw in.error("unsupported GGUF version " + version + " (pedigree reads versions 2 and 3)");
    }

    private GgufValueType valueType(long id, String key) {
        GgufValueType type = GgufValueType.byId(id);
        if (type == null) {
            throw in.error("unknown value type " + id + " for key " + key + " (at byte " + (in.position() - 4) + ")");
        }
        return type;
    }

    private Object value(GgufValueType type, String key) {
        return switch (type) {
            case STRING -> in.string("the value of " + key);
            case ARRAY -> array(key, 0);
            default -> GgufValues.fixed(type, fixedBits(type, "the value of " + key));
        };
    }

    private long fixedBits(GgufValueType type, String field) {
        return switch (type.minBytes) {
            case 1 -> in.i8(field);
            case 2 -> in.i16(field);
            case 4 -> in.i32(field);
            default -> in.bits64(field);
        };
    }

    /** Arrays of numbers and strings stay in the mapping (read on access); arrays of arrays become lists. */
    private List<Object> array(String key, int depth) {
        if (depth >= MAX_ARRAY_DEPTH) {
            throw in.error("array " + key + " nests arrays deeper than " + MAX_ARRAY_DEPTH);
        }
        GgufValueType itemType = valueType(in.u32("the item type of array " + key), key);
        long count = in.u64("the length of array " + key);
        if (count > in.remaining() / itemType.minBytes || count > Integer.MAX_VALUE - 8) {
            throw in.error("length of array " + key + " is absurd: " + count + " items of type " + itemType
                    + " with " + in.remaining() + " bytes left");
        }
        int size = (int) count;
        if (itemType.fixedSize()) {
            long start = in.position();
            in.skip(count * itemType.minBytes, "the items of array " + key);
            return new GgufNumberArray(in.segment(), start, itemType, size);
        }
        if (itemType == GgufValueType.STRING) {
            String field = "a string of array " + key;
            long[] checkpoints = new long[(size + GgufStringArray.STRIDE - 1) / GgufStringArray.STRIDE];
            for (int i = 0; i < size; i++) {
                if (i % GgufStringArray.STRIDE == 0) {
                    checkpoints[i / GgufStringArray.STRIDE] = in.position();
                }
                in.skipString(field);
            }
            return new GgufStringArray(in.segment(), checkpoints, size);
        }
        List<Object> items = new ArrayList<>(Math.min(size, 1024));
        for (int i = 0; i < size; i++) {
            items.add(array(key, depth + 1));
        }
        return Collections.unmodifiableList(items);
    }

    private long alignment(Object declared) {
        if (declared == null) {
            return DEFAULT_ALIGNMENT;
        }
        if (!(declared instanceof Long a) || a <= 0 || a > (1L << 30) || Long.bitCount(a) != 1) {
            throw in.error("general.alignment must be a power of two up to 2^30, found " + declared);
        }
        return a;
    }

    private record TensorInfo(String name, long[] shape, GgmlType type, long offset, long elements, long bytes) {
    }

    private TensorInfo tensorInfo(long index, long alignment) {
        String name = in.string("the name of tensor " + index);
        long nDims = in.u32("the dimension count of tensor " + name);
        if (nDims > MAX_DIMS) {
            throw in.error("tensor " + name + " has " + nDims + " dimensions (GGUF allows at most " + MAX_DIMS + ")");
        }
        long[] dims = new long[(int) nDims];
        for (int d = 0; d < nDims; d++) {
            dims[d] = in.u64("dimension " + d + " of tensor " + name);
        }
        long typeId = in.u32("the ggml type of tensor " + name);
        GgmlType type = GgmlType.byId(typeId);
        if (type == null) {
            throw in.error("tensor " + name + " has " + (GgmlType.isRetired(typeId) ? "retired" : "unknown")
                    + " ggml type id " + typeId);
        }
        long offset = in.u64("the data offset of tensor " + name);
        if (offset % alignment != 0) {
            throw in.error("tensor " + name + " data offset " + offset + " is not a multiple of the alignment " + alignment);
        }
        long elements = 1;
        try {
            for (long d : dims) {
                elements = Math.multiplyExact(elements, d);
            }
        } catch (ArithmeticException e) {
            throw in.error("tensor " + name + " shape " + Arrays.toString(dims) + " overflows a 64-bit element count");
        }
        long rowLength = nDims == 0 ? 1 : dims[0];
        if (rowLength % type.blockSize() != 0) {
            throw in.error("tensor " + name + " rows of " + rowLength + " values do not fill whole " + type
                    + " blocks of " + type.blockSize());
        }
        long bytes;
        try {
            bytes = Math.multiplyExact(elements / type.blockSize(), (long) type.blockBytes());
        } catch (ArithmeticException e) {
            throw in.error("tensor " + name + " byte size overflows 64 bits");
        }
        long[] shape = new long[dims.length];
        for (int d = 0; d < dims.length; d++) {
            shape[d] = dims[dims.length - 1 - d];
        }
        return new TensorInfo(name, shape, type, offset, elements, bytes);
    }

    /** Every tensor's bytes lie inside the data section, and no two tensors share a byte. */
    private void checkExtents(List<TensorInfo> infos, long dataBytes) {
        for (TensorInfo t : infos) {
            if (t.bytes > 0 && (t.offset > dataBytes || t.bytes > dataBytes - t.offset)) {
                throw in.error("tensor " + t.name + " data [" + t.offset + ", " + (t.offset + t.bytes)
                        + ") runs past the end of the file (the data section holds " + dataBytes + " bytes)");
            }
        }
        List<TensorInfo> byOffset = new ArrayList<>(infos);
        byOffset.removeIf(t -> t.bytes == 0);
        byOffset.sort(Comparator.comparingLong(TensorInfo::offset));
        for (int i = 1; i < byOffset.size(); i++) {
            TensorInfo before = byOffset.get(i - 1);
            TensorInfo after = byOffset.get(i);
            if (before.offset + before.bytes > after.offset) {
                throw in.error("tensors " + before.name + " and " + after.name + " overlap: [" + before.offset + ", "
                        + (before.offset + before.bytes) + ") and [" + after.offset + ", " + (after.offset + after.bytes) + ")");
            }
        }
    }

    private static long alignUp(long position, long alignment) {
        return (position + alignment - 1) / alignment * alignment;
    }
}
