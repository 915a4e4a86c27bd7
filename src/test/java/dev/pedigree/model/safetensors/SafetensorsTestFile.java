package dev.pedigree.model.safetensors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds safetensors files byte by byte for tests: tensors are laid out in the order added, the
 * header is written as given (so tests can also write broken headers with {@link #raw}).
 */
public final class SafetensorsTestFile {
    private record Entry(String name, String dtype, long[] shape, byte[] data) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private String metadataJson;

    public SafetensorsTestFile add(String name, String dtype, long[] shape, byte[] data) {
        entries.add(new Entry(name, dtype, shape.clone(), data.clone()));
        return this;
    }

    /** A float32 tensor holding {@code values} (row-major). */
    public SafetensorsTestFile addF32(String name, long[] shape, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return add(name, "F32", shape, b.array());
    }

    public SafetensorsTestFile metadata(String json) {
        this.metadataJson = json;
        return this;
    }

    public String headerJson() {
        StringBuilder h = new StringBuilder("{");
        if (metadataJson != null) {
            h.append("\"__metadata__\":").append(metadataJson);
        }
        long offset = 0;
        for (Entry e : entries) {
            if (h.length() > 1) {
                h.append(',');
            }
            h.append('"').append(e.name).append("\":{\"dtype\":\"").append(e.dtype).append("\",\"shape\":")
                    .append(Arrays.toString(e.shape).replace(" ", "")).append(",\"data_offsets\":[")
                    .append(offset).append(',').append(offset + e.data.length).append("]}");
            offset += e.data.length;
        }
        return h.append('}').toString();
    }

    public byte[] dataBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Entry e : entries) {
            out.writeBytes(e.data);
        }
        return out.toByteArray();
    }

    public byte[] bytes() {
        return raw(headerJson(), dataBytes());
    }

    public Path write(Path file) throws IOException {
        return Files.write(file, bytes());
    }

    /** A file with this exact header text and data, with a correct length field. */
    public static byte[] raw(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        return raw(h.length, h, data);
    }

    /** A file with any length field, header bytes and data. */
    public static byte[] raw(long lengthField, byte[] header, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(lengthField).put(header).put(data);
        return b.array();
    }
}
