package dev.pedigree.model.safetensors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pedigree.error.MessageText;
import dev.pedigree.model.ModelFormatException;
import dev.pedigree.model.StrictJson;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of one safetensors file, validated against the file it came from: {@code u64 LE} header
 * length, a JSON object {@code name -> {dtype, shape, data_offsets}} plus an optional
 * {@code __metadata__} object of strings, then the data section the offsets point into.
 *
 * @param entries  tensors in the order of their data in the file
 * @param dataStart byte offset of the data section in the file
 */
record SafetensorsHeader(List<HeaderEntry> entries, Map<String, Object> metadata, long dataStart) {
    /** The format's own cap (the reference implementation refuses larger headers too). */
    static final long MAX_HEADER_BYTES = 100L * 1000 * 1000;

    private static final String METADATA_KEY = "__metadata__";

    static SafetensorsHeader parse(Path file, MemorySegment whole) {
        long fileSize = whole.byteSize();
        if (fileSize < 8) {
            throw new ModelFormatException(file, "truncated: " + fileSize + " bytes, too short for the 8-byte header length");
        }
        long headerLength = whole.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0);
        if (headerLength < 0 || headerLength > MAX_HEADER_BYTES) {
            throw new ModelFormatException(file, "header length " + Long.toUnsignedString(headerLength)
                    + " exceeds the " + MAX_HEADER_BYTES + "-byte limit");
        }
        if (headerLength > fileSize - 8) {
            throw new ModelFormatException(file, "header length " + headerLength + " runs past the end of the file ("
                    + fileSize + " bytes): truncated or not a safetensors file");
        }
        byte[] json = whole.asSlice(8, headerLength).toArray(ValueLayout.JAVA_BYTE);
        JsonNode root = StrictJson.parseObject(file, json, "header");
        long dataStart = 8 + headerLength;
        long dataSize = fileSize - dataStart;

        Map<String, Object> metadata = new LinkedHashMap<>();
        List<HeaderEntry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (field.getKey().equals(METADATA_KEY)) {
                readMetadata(file, field.getValue(), metadata);
            } else {
                entries.add(readEntry(file, field.getKey(), field.getValue(), dataSize));
            }
        }
        entries.sort(Comparator.comparingLong(HeaderEntry::begin).thenComparingLong(HeaderEntry::end));
        checkNoOverlap(file, entries);
        return new SafetensorsHeader(List.copyOf(entries), metadata, dataStart);
    }

    private static void readMetadata(Path file, JsonNode node, Map<String, Object> metadata) {
        if (!node.isObject()) {
            throw new ModelFormatException(file, METADATA_KEY + " is not a JSON object");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isTextual()) {
                throw new ModelFormatException(file, METADATA_KEY + " value " + MessageText.quoted(e.getKey()) + " is not a string");
            }
            metadata.put(e.getKey(), e.getValue().textValue());
        }
    }

    private static HeaderEntry readEntry(Path file, String name, JsonNode node, long dataSize) {
        if (!node.isObject()) {
            throw bad(file, name, "entry is not a JSON object");
        }
        JsonNode dtypeNode = node.get("dtype");
        if (dtypeNode == null || !dtypeNode.isTextual()) {
            throw bad(file, name, "missing or non-string dtype");
        }
        SafetensorsDtype dtype = SafetensorsDtype.byHeaderName(dtypeNode.textValue())
                .orElseThrow(() -> bad(file, name, "unknown dtype " + MessageText.quoted(dtypeNode.textValue())));
        long[] shape = readShape(file, name, node.get("shape"));
        long[] offsets = readOffsets(file, name, node.get("data_offsets"));
        long begin = offsets[0];
        long end = offsets[1];
        if (begin > end) {
            throw bad(file, name, "data_offsets [" + begin + ", " + end + ") begin after end");
        }
        if (end > dataSize) {
            throw bad(file, name, "data_offsets [" + begin + ", " + end + ") out of range: the data section has "
                    + dataSize + " bytes");
        }
        long elements = 1;
        long bytes;
        try {
            for (long d : shape) {
                elements = Math.multiplyExact(elements, d);
            }
            bytes = Math.multiplyExact(elements, (long) dtype.byteSize());
        } catch (ArithmeticException e) {
            throw bad(file, name, "shape " + java.util.Arrays.toString(shape) + " has more elements than fit in a long");
        }
        if (end - begin != bytes) {
            throw bad(file, name, "dtype/size mismatch: " + dtype.headerName() + " " + java.util.Arrays.toString(shape)
                    + " needs " + bytes + " bytes but data_offsets [" + begin + ", " + end + ") hold " + (end - begin));
        }
        return new HeaderEntry(name, dtype, shape, elements, begin, end);
    }

    private static long[] readShape(Path file, String name, JsonNode node) {
        if (node == null || !node.isArray()) {
            throw bad(file, name, "missing or non-array shape");
        }
        long[] shape = new long[node.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = nonNegativeLong(file, name, "shape", node.get(i));
        }
        return shape;
    }

    private static long[] readOffsets(Path file, String name, JsonNode node) {
        if (node == null || !node.isArray() || node.size() != 2) {
            throw bad(file, name, "data_offsets is not an array of two integers");
        }
        return new long[] {nonNegativeLong(file, name, "data_offsets", node.get(0)),
            nonNegativeLong(file, name, "data_offsets", node.get(1))};
    }

    private static long nonNegativeLong(Path file, String name, String field, JsonNode v) {
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw bad(file, name, field + " holds " + MessageText.quoted(v.toString()) + ", not a non-negative 64-bit integer");
        }
        return v.longValue();
    }

    private static void checkNoOverlap(Path file, List<HeaderEntry> sorted) {
        for (int i = 1; i < sorted.size(); i++) {
            HeaderEntry previous = sorted.get(i - 1);
            HeaderEntry current = sorted.get(i);
            if (current.begin() < previous.end()) {
                throw bad(file, current.name(), "data_offsets [" + current.begin() + ", " + current.end()
                        + ") overlap tensor " + MessageText.quoted(previous.name()) + " at [" + previous.begin() + ", " + previous.end() + ")");
            }
        }
    }

    private static ModelFormatException bad(Path file, String tensor, String problem) {
        return new ModelFormatException(file, "tensor " + MessageText.quoted(tensor) + ": " + problem);
    }
}
