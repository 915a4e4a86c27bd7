package dev.pedigree.model.gguf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds GGUF files byte by byte for tests, with every header field settable so the bad-input tests
 * can write exactly one thing wrong. Tensors get sequential aligned offsets and zero data unless told.
 */
public final class GgufBytes {
    private int magic = 0x46554747;
    private long version = 3;
    private Long tensorCountOverride;
    private Long kvCountOverride;
    private long alignment = 32;
    private Long dataBytesOverride;
    private byte[] data;
    private final ByteArrayOutputStream kvs = new ByteArrayOutputStream();
    private int kvCount;
    private final List<Tensor> tensors = new ArrayList<>();

    private record Tensor(String name, long[] ggmlDims, long typeId, Long offset, long bytes) {
    }

    public GgufBytes magic(int value) {
        magic = value;
        return this;
    }

    public GgufBytes version(long value) {
        version = value;
        return this;
    }

    public GgufBytes tensorCount(long value) {
        tensorCountOverride = value;
        return this;
    }

    public GgufBytes kvCount(long value) {
        kvCountOverride = value;
        return this;
    }

    public GgufBytes dataBytes(long value) {
        dataBytesOverride = value;
        return this;
    }

    /** The data section's content, written as given after the header padding. */
    public GgufBytes data(byte[] content) {
        data = content.clone();
        return this;
    }

    /** A key-value with the value's bytes written as given (type id included). */
    public GgufBytes kvRaw(String key, long typeId, byte[] value) {
        kvs.writeBytes(string(key));
        kvs.writeBytes(u32(typeId));
        kvs.writeBytes(value);
        kvCount++;
        return this;
    }

    public GgufBytes kvString(String key, String value) {
        return kvRaw(key, 8, string(value));
    }

    public GgufBytes kvU32(String key, long value) {
        if (key.equals("general.alignment")) {
            alignment = value;
        }
        return kvRaw(key, 4, u32(value));
    }

    /** A tensor of a known type; {@code hfShape} outermost first, written innermost first. */
    public GgufBytes tensor(String name, GgmlType type, long... hfShape) {
        long[] dims = new long[hfShape.length];
        long n = 1;
        for (int i = 0; i < hfShape.length; i++) {
            dims[i] = hfShape[hfShape.length - 1 - i];
            n *= hfShape[i];
        }
        tensors.add(new Tensor(name, dims, type.id(), null, n / type.blockSize() * type.blockBytes()));
        return this;
    }

    /** A tensor info written exactly as given (ggml dims innermost first, any type id and offset). */
    public GgufBytes tensorRaw(String name, long[] ggmlDims, long typeId, long offset) {
        tensors.add(new Tensor(name, ggmlDims, typeId, offset, 0));
        return this;
    }

    public byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(u32(magic & 0xFFFF_FFFFL));
        out.writeBytes(u32(version));
        out.writeBytes(u64(tensorCountOverride != null ? tensorCountOverride : tensors.size()));
        out.writeBytes(u64(kvCountOverride != null ? kvCountOverride : kvCount));
        out.writeBytes(kvs.toByteArray());
        long next = 0;
        long dataEnd = 0;
        for (Tensor t : tensors) {
            out.writeBytes(string(t.name));
            out.writeBytes(u32(t.ggmlDims.length));
            for (long d : t.ggmlDims) {
                out.writeBytes(u64(d));
            }
            out.writeBytes(u32(t.typeId));
            long offset = t.offset != null ? t.offset : next;
            out.writeBytes(u64(offset));
            next = align(offset + t.bytes);
            dataEnd = Math.max(dataEnd, offset + t.bytes);
        }
        while (out.size() % alignment != 0) {
            out.write(0);
        }
        if (data != null) {
            out.writeBytes(data);
        } else {
            out.writeBytes(new byte[(int) (dataBytesOverride != null ? dataBytesOverride : dataEnd)]);
        }
        return out.toByteArray();
    }

    public Path write(Path file) throws IOException {
        return Files.write(file, build());
    }

    private long align(long n) {
        return (n + alignment - 1) / alignment * alignment;
    }

    static byte[] u32(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }

    static byte[] u64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    static byte[] string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(u64(utf8.length));
        out.writeBytes(utf8);
        return out.toByteArray();
    }
}
