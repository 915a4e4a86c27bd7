package dev.pedigree.fingerprint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The saved form of a {@link Fingerprint}: one JSON object, keys sorted, no insignificant white space
 * (the canonical form), snake_case names, byte arrays in base64. The {@code entry_hash} field is the
 * SHA-256 of the canonical form of the object without it. Reading checks, in order: size, JSON syntax,
 * schema version (a newer one is refused, naming both versions), the hash, then the fields.
 */
public final class FingerprintCodec {
    /** The largest entry accepted; real ones are a few hundred KB. */
    static final long MAX_BYTES = 64L << 20;
    static final String HASH_FIELD = "entry_hash";
    private static final ObjectMapper JSON = new ObjectMapper(fastNumbers())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** For reading parts of an entry inside one streaming pass (trailing tokens are the rest of the entry). */
    private static final ObjectMapper STREAM = new ObjectMapper(fastNumbers());

    private FingerprintCodec() {
    }

    /**
     * A factory (one per mapper: a mapper makes itself its factory's codec) that parses numbers with
     * Jackson's fast parser, still correctly rounded, so the values are the same: the float arrays are
     * most of an entry's parse time, and the scan reads its short list in full.
     */
    private static com.fasterxml.jackson.core.JsonFactory fastNumbers() {
        return com.fasterxml.jackson.core.JsonFactory.builder().enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .build();
    }

    /** The canonical bytes of {@code f} with its entry hash set. */
    public static byte[] encode(Fingerprint f) {
        try {
            // Through text and back first, so the hash is computed on exactly what a reader will parse.
            JsonNode tree = JSON.readTree(JSON.writeValueAsBytes(f.withEntryHash(null)));
            ObjectNode sorted = (ObjectNode) canonical(tree);
            sorted.remove(HASH_FIELD);
            String hash = Sha256.hex(JSON.writeValueAsBytes(sorted));
            sorted.put(HASH_FIELD, hash);
            return JSON.writeValueAsBytes(canonical(sorted));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code f} to {@code file} atomically: into a temporary file in the same directory, forced
     * to disk, then moved over the target in one step, so a reader sees the old entry or the new one,
     * never a half-written file.
     */
    public static void write(Fingerprint f, Path file) {
        byte[] bytes = encode(f);
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                // Temporary files are created owner-only; an entry is data to share like any other file.
                if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                }
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
                    while (b.hasRemaining()) {
                        ch.write(b);
                    }
                    ch.force(true);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads and checks one entry; any problem is a {@link CorruptEntryException} naming the file. */
    public static Fingerprint read(Path file) {
        return decode(file, readBounded(file));
    }

    /**
     * What the first scan pass needs from one entry, with the same checks as {@link #read} but without
     * binding the weight features: one streaming pass picks the identity, hashes and sketch and skips
     * the rest, and the hash is checked on the bytes as written. A file whose bytes are not in the
     * canonical form (re-indented by hand, say) goes through {@link #read}'s full check instead.
     */
    public static IndexEntry readIndex(Path file) {
        byte[] bytes = readBounded(file);
        JsonNode model = null;
        JsonNode mfi = null;
        JsonNode tokenizer = null;
        JsonNode version = null;
        String hash = null;
        String toolVersion = "?";
        float[] sketch = null;
        boolean weights = false;
        try (com.fasterxml.jackson.core.JsonParser p = STREAM.getFactory().createParser(bytes)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw new CorruptEntryException(file, "not a fingerprint entry (expected a JSON object)");
            }
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = p.currentName();
                com.fasterxml.jackson.core.JsonToken value = p.nextToken();
                switch (name) {
                    case "schema_version" -> version = p.readValueAsTree();
                    case HASH_FIELD -> hash = value == com.fasterxml.jackson.core.JsonToken.VALUE_STRING ? p.getText() : null;
                    case "tool_version" -> toolVersion = p.getValueAsString("?");
                    case "model" -> model = p.readValueAsTree();
                    case "mfi" -> mfi = p.readValueAsTree();
                    case "tokenizer" -> tokenizer = p.readValueAsTree();
                    case "weights" -> {
                        weights = value == com.fasterxml.jackson.core.JsonToken.START_OBJECT;
                        sketch = weights ? sketchOf(p) : null;
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new CorruptEntryException(file, "not valid JSON (truncated or edited?): content after the entry");
            }
        } catch (IOException e) {
            throw new CorruptEntryException(file, "not valid JSON (truncated or edited?): " + firstLine(e));
        }
        checkVersion(file, version, toolVersion);
        if (hash == null) {
            throw new CorruptEntryException(file, "no entry_hash, so its content cannot be checked");
        }
        if (!rawBodyHash(bytes, hash).equals(hash)) {
            return IndexEntry.of(file, decode(file, bytes));
        }
        try {
            return new IndexEntry(file, hash, JSON.treeToValue(model, ModelIdentity.class), text(mfi, "arch_hash"), text(mfi, "family_hash"),
                    tokenizer != null && tokenizer.hasNonNull("tokenizer_hash") ? tokenizer.get("tokenizer_hash").asText()
                            : text(mfi, "tokenizer_hash"),
                    text(tokenizer, "vocab_digest"), weights ? sketch : null);
        } catch (IOException | IllegalArgumentException e) {
            throw new CorruptEntryException(file, "does not match fingerprint schema " + version.asInt() + ": " + firstLine(e));
        }
    }

    /** Inside the weights object: the sketch's floats, every other field skipped. */
    private static float[] sketchOf(com.fasterxml.jackson.core.JsonParser p) throws IOException {
        float[] sketch = null;
        while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
            String name = p.currentName();
            com.fasterxml.jackson.core.JsonToken value = p.nextToken();
            if (name.equals("sketch") && value == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                float[] buf = new float[WeightSketch.LENGTH];
                int n = 0;
                while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                    if (n == buf.length) {
                        buf = java.util.Arrays.copyOf(buf, 2 * n);
                    }
                    buf[n++] = p.getFloatValue();
                }
                sketch = java.util.Arrays.copyOf(buf, n);
            } else {
                p.skipChildren();
            }
        }
        return sketch;
    }

    private static String text(JsonNode n, String key) {
        return n != null && n.hasNonNull(key) ? n.get(key).asText() : null;
    }

    private static byte[] readBounded(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new CorruptEntryException(file, "entry is " + size + " bytes, more than the " + MAX_BYTES + " allowed");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CorruptEntryException(file, "cannot read: " + e.getMessage());
        }
    }

    private static void checkVersion(Path file, JsonNode version, String toolVersion) {
        if (version == null || !version.canConvertToInt()) {
            throw new CorruptEntryException(file, "no schema_version, so not a fingerprint entry");
        }
        if (version.asInt() > Fingerprint.SCHEMA_VERSION) {
            throw new CorruptEntryException(file, "written with fingerprint schema " + version.asInt() + " by pedigree " + toolVersion
                    + "; this pedigree reads schemas up to " + Fingerprint.SCHEMA_VERSION + " (upgrade pedigree to use it)");
        }
        if (version.asInt() < 1) {
            throw new CorruptEntryException(file, "schema_version " + version.asInt() + " is not a known fingerprint schema");
        }
    }

    static Fingerprint decode(Path file, byte[] bytes) {
        JsonNode tree;
        try {
            tree = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new CorruptEntryException(file, "not valid JSON (truncated or edited?): " + firstLine(e));
        }
        if (tree == null || !tree.isObject()) {
            throw new CorruptEntryException(file, "not a fingerprint entry (expected a JSON object)");
        }
        JsonNode version = tree.get("schema_version");
        checkVersion(file, version, tree.path("tool_version").asText("?"));
        JsonNode stored = tree.get(HASH_FIELD);
        if (stored == null || !stored.isTextual()) {
            throw new CorruptEntryException(file, "no entry_hash, so its content cannot be checked");
        }
        String actual = rawBodyHash(bytes, stored.asText());
        if (!actual.equals(stored.asText())) {
            ObjectNode body = (ObjectNode) canonical(tree);
            body.remove(HASH_FIELD);
            try {
                actual = Sha256.hex(JSON.writeValueAsBytes(body));
            } catch (JsonProcessingException e) {
                throw new CorruptEntryException(file, "cannot re-serialise: " + firstLine(e));
            }
        }
        if (!actual.equals(stored.asText())) {
            throw new CorruptEntryException(file, "content hash mismatch (the entry was edited or corrupted): stored "
                    + abbreviate(stored.asText()) + ", computed " + abbreviate(actual));
        }
        try {
            return JSON.treeToValue(tree, Fingerprint.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new CorruptEntryException(file, "does not match fingerprint schema " + version.asInt() + ": " + firstLine(e));
        }
    }

    /**
     * The hash of the file's bytes with the {@code entry_hash} member cut out. A file as the codec wrote
     * it is already canonical, so this equals the canonical hash without re-serialising; for any other
     * layout it differs and the caller falls back to the canonical form.
     */
    private static String rawBodyHash(byte[] bytes, String storedHash) {
        byte[] member = ("\"" + HASH_FIELD + "\":\"" + storedHash + "\"").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int at = indexOf(bytes, member);
        if (at < 0) {
            return "";
        }
        int from = at;
        int to = at + member.length;
        if (to < bytes.length && bytes[to] == ',') {
            to++;
        } else if (from > 0 && bytes[from - 1] == ',') {
            from--;
        }
        byte[] body = new byte[bytes.length - (to - from)];
        System.arraycopy(bytes, 0, body, 0, from);
        System.arraycopy(bytes, to, body, from, bytes.length - to);
        return Sha256.hex(body);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A copy of {@code n} with every object's fields in key order. */
    static JsonNode canonical(JsonNode n) {
        if (n.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(null);
            for (String k : names) {
                out.set(k, canonical(n.get(k)));
            }
            return out;
        }
        if (n.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode out = JSON.createArrayNode();
            n.forEach(e -> out.add(canonical(e)));
            return out;
        }
        return n;
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }
}
