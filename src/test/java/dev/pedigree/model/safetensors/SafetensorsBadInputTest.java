package dev.pedigree.model.safetensors;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.model.ModelFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The malformed-file corpus: each file is refused with a message naming the file and its problem. */
class SafetensorsBadInputTest {
    @TempDir
    Path dir;

    private static final byte[] SIXTEEN = new byte[16];

    static Stream<Arguments> malformedSingleFiles() {
        byte[] valid = new SafetensorsTestFile().add("a", "F32", new long[] {2, 2}, SIXTEEN).bytes();
        return Stream.of(
                Arguments.of("too-short", new byte[] {1, 0, 0}, "too short for the 8-byte header length"),
                Arguments.of("truncated-data", Arrays.copyOf(valid, valid.length - 5), "tensor 'a': data_offsets [0, 16) out of range"),
                Arguments.of("truncated-header", Arrays.copyOf(valid, 20), "runs past the end of the file"),
                Arguments.of("length-past-end", SafetensorsTestFile.raw(1_000, "{}".getBytes(StandardCharsets.UTF_8), new byte[0]),
                        "header length 1000 runs past the end of the file"),
                Arguments.of("length-over-limit", SafetensorsTestFile.raw(200_000_000L, new byte[0], new byte[0]),
                        "exceeds the 100000000-byte limit"),
                Arguments.of("length-negative", SafetensorsTestFile.raw(-8L, new byte[0], new byte[0]),
                        "header length 18446744073709551608 exceeds"),
                Arguments.of("overlap", raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", SIXTEEN),
                        "tensor 'b': data_offsets [4, 12) overlap tensor 'a'"),
                Arguments.of("out-of-range", raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[8,24]}}", SIXTEEN),
                        "tensor 'a': data_offsets [8, 24) out of range: the data section has 16 bytes"),
                Arguments.of("begin-after-end", raw("{\"a\":{\"dtype\":\"U8\",\"shape\":[0],\"data_offsets\":[8,4]}}", SIXTEEN),
                        "tensor 'a': data_offsets [8, 4) begin after end"),
                Arguments.of("negative-offset", raw("{\"a\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[-4,0]}}", SIXTEEN),
                        "tensor 'a': data_offsets holds '-4', not a non-negative 64-bit integer"),
                Arguments.of("size-mismatch", raw("{\"a\":{\"dtype\":\"BF16\",\"shape\":[2,2],\"data_offsets\":[0,16]}}", SIXTEEN),
                        "tensor 'a': dtype/size mismatch: BF16 [2, 2] needs 8 bytes but data_offsets [0, 16) hold 16"),
                Arguments.of("unknown-dtype", raw("{\"a\":{\"dtype\":\"F4\",\"shape\":[32],\"data_offsets\":[0,16]}}", SIXTEEN),
                        "tensor 'a': unknown dtype 'F4'"),
                Arguments.of("shape-overflow", raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,16]}}", SIXTEEN),
                        "tensor 'a': shape [4294967296, 4294967296] has more elements than fit in a long"),
                Arguments.of("huge-dim", raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[18446744073709551616],\"data_offsets\":[0,16]}}", SIXTEEN),
                        "tensor 'a': shape holds '18446744073709551616', not a non-negative 64-bit integer"),
                Arguments.of("fractional-dim", raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[4.0],\"data_offsets\":[0,16]}}", SIXTEEN),
                        "tensor 'a': shape holds '4.0'"),
                Arguments.of("no-shape", raw("{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,16]}}", SIXTEEN),
                        "tensor 'a': missing or non-array shape"),
                Arguments.of("non-json", raw("this is not json", SIXTEEN), "header is not well-formed JSON"),
                Arguments.of("json-cut", raw("{\"a\":{\"dtype\":\"F32\",\"sha", SIXTEEN), "header is not well-formed JSON"),
                Arguments.of("json-array", raw("[1,2,3]", SIXTEEN), "header is not a JSON object"),
                Arguments.of("trailing-content", raw("{} {}", SIXTEEN), "header is not well-formed JSON: Trailing token"),
                Arguments.of("duplicate-key", raw("{\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]},"
                        + "\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[1,2]}}", SIXTEEN), "Duplicate field 'a'"),
                Arguments.of("bad-utf8", SafetensorsTestFile.raw(4, new byte[] {'{', (byte) 0xC3, '}', ' '}, SIXTEEN),
                        "header is not valid UTF-8"),
                Arguments.of("metadata-not-string", raw("{\"__metadata__\":{\"format\":1}}", SIXTEEN),
                        "__metadata__ value 'format' is not a string"),
                Arguments.of("entry-not-object", raw("{\"a\":5}", SIXTEEN), "tensor 'a': entry is not a JSON object"),
                Arguments.of("newline-in-name", raw("{\"a\\nb\":{\"dtype\":\"X\",\"shape\":[],\"data_offsets\":[0,0]}}", SIXTEEN),
                        "tensor 'a\\u000ab': unknown dtype 'X'"));
    }

    private static byte[] raw(String header, byte[] data) {
        return SafetensorsTestFile.raw(header, data);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedSingleFiles")
    void malformedFileIsRefusedWithItsNameAndProblem(String name, byte[] bytes, String problem) throws IOException {
        Path file = Files.write(dir.resolve(name + ".safetensors"), bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> new SafetensorsReader().open(file));
        assertRefusal(e, file, problem);
    }

    @Test
    void missingFileIsRefused() {
        Path file = dir.resolve("absent.safetensors");
        assertRefusal(assertThrows(ModelFormatException.class, () -> new SafetensorsReader().open(file)), file, "cannot map file");
    }

    @Test
    void directoryIsRefused() throws IOException {
        Path file = Files.createDirectory(dir.resolve("folder.safetensors"));
        assertRefusal(assertThrows(ModelFormatException.class, () -> new SafetensorsReader().open(file)), file, "cannot map file");
        Path index = Files.createDirectory(dir.resolve("model.safetensors.index.json"));
        assertRefusal(assertThrows(ModelFormatException.class, () -> new SafetensorsReader().open(index)), index, "cannot read index");
    }

    @Test
    void shardPathWithParentSegmentIsRefused() throws IOException {
        Path model = Files.createDirectory(dir.resolve("model"));
        new SafetensorsTestFile().add("a", "U8", new long[] {1}, new byte[] {1}).write(dir.resolve("outside.safetensors"));
        Path index = writeIndex(model, "../outside.safetensors");
        assertRefusal(open(index), index, "shard path '../outside.safetensors' contains '..'");
        Path index2 = writeIndex(model, "sub/../../outside.safetensors");
        assertRefusal(open(index2), index2, "contains '..'");
    }

    @Test
    void absoluteShardPathIsRefused() throws IOException {
        Path model = Files.createDirectory(dir.resolve("model"));
        Path target = new SafetensorsTestFile().add("a", "U8", new long[] {1}, new byte[] {1}).write(dir.resolve("abs.safetensors"));
        Path index = writeIndex(model, target.toAbsolutePath().toString());
        assertRefusal(open(index), index, "is absolute; shards must lie in the model directory");
    }

    @Test
    void shardLinkLeavingTheDirectoryIsRefused() throws IOException {
        Path model = Files.createDirectory(dir.resolve("model"));
        Path target = new SafetensorsTestFile().add("a", "U8", new long[] {1}, new byte[] {1}).write(dir.resolve("elsewhere.safetensors"));
        Files.createSymbolicLink(model.resolve("shard.safetensors"), target);
        Path index = writeIndex(model, "shard.safetensors");
        assertRefusal(open(index), index, "shard 'shard.safetensors' is a link to " + target.toRealPath() + ", outside the model directory");
    }

    @Test
    void shardLinkInsideTheDirectoryAndIntoCacheBlobsIsAccepted() throws IOException {
        // The Hugging Face cache layout: snapshots/<commit>/file -> ../../blobs/<hash>
        Path repo = Files.createDirectories(dir.resolve("models--org--name"));
        Path blobs = Files.createDirectory(repo.resolve("blobs"));
        Path snapshot = Files.createDirectories(repo.resolve("snapshots").resolve("abc123"));
        Path blob = new SafetensorsTestFile().add("a", "U8", new long[] {1}, new byte[] {7}).write(blobs.resolve("0f1e2d"));
        Files.createSymbolicLink(snapshot.resolve("shard.safetensors"), Path.of("../../blobs/0f1e2d"));
        Path index = writeIndex(snapshot, "shard.safetensors");
        try (var c = new SafetensorsReader().open(index)) {
            float[] v = new float[1];
            c.tensors().get(0).read(0, v, 0, 1);
            assertTrue(v[0] == 7f && Files.exists(blob));
        }
        // the same link outside a cache layout leaves the directory
        Path plain = Files.createDirectory(dir.resolve("plain"));
        Files.createSymbolicLink(plain.resolve("shard.safetensors"), blob);
        Path plainIndex = writeIndex(plain, "shard.safetensors");
        assertRefusal(open(plainIndex), plainIndex, "outside the model directory");
    }

    @Test
    void missingShardAndInconsistentIndexAreRefused() throws IOException {
        Path model = Files.createDirectory(dir.resolve("model"));
        Path index = writeIndex(model, "absent.safetensors");
        assertRefusal(open(index), index, "shard 'absent.safetensors' named in weight_map does not exist");

        new SafetensorsTestFile().add("other", "U8", new long[] {1}, new byte[] {1}).write(model.resolve("s1.safetensors"));
        Path wrong = writeIndex(model, "s1.safetensors");
        assertRefusal(open(wrong), wrong, "weight_map puts tensor 'a' in shard 's1.safetensors', which does not hold it");

        Path badJson = Files.writeString(model.resolve("x.safetensors.index.json"), "{\"weight_map\": {\"a\": ");
        assertRefusal(open(badJson), badJson, "index is not well-formed JSON");
        Path noMap = Files.writeString(model.resolve("y.safetensors.index.json"), "{\"metadata\": {}}");
        assertRefusal(open(noMap), noMap, "index has no weight_map object");
    }

    @Test
    void tensorInTwoShardsIsRefused() throws IOException {
        Path model = Files.createDirectory(dir.resolve("model"));
        new SafetensorsTestFile().add("a", "U8", new long[] {1}, new byte[] {1}).write(model.resolve("s1.safetensors"));
        new SafetensorsTestFile().add("a", "U8", new long[] {1}, new byte[] {2}).add("b", "U8", new long[] {1}, new byte[] {2})
                .write(model.resolve("s2.safetensors"));
        Path index = Files.writeString(model.resolve("model.safetensors.index.json"),
                "{\"weight_map\": {\"a\": \"s1.safetensors\", \"b\": \"s2.safetensors\"}}");
        assertRefusal(open(index), index, "tensor 'a' appears in both shard 's1.safetensors' and shard 's2.safetensors'");
    }

    @Test
    void malformedShardNamesTheShardFile() throws IOException {
        Path model = Files.createDirectory(dir.resolve("model"));
        Path shard = Files.write(model.resolve("s1.safetensors"), raw("{\"a\":{\"dtype\":\"F4\",\"shape\":[1],\"data_offsets\":[0,1]}}", SIXTEEN));
        Path index = writeIndex(model, "s1.safetensors");
        assertRefusal(open(index), shard, "tensor 'a': unknown dtype 'F4'");
    }

    private static Path writeIndex(Path model, String shard) throws IOException {
        String escaped = shard.replace("\\", "\\\\");
        return Files.writeString(model.resolve("model.safetensors.index.json"),
                "{\"metadata\": {\"total_size\": 1}, \"weight_map\": {\"a\": \"" + escaped + "\"}}");
    }

    private static ModelFormatException open(Path index) {
        return assertThrows(ModelFormatException.class, () -> new SafetensorsReader().open(index));
    }

    private static void assertRefusal(ModelFormatException e, Path file, String problem) {
        String message = e.getMessage();
        assertTrue(message.startsWith(file.toString() + ": "), "message should name " + file + ": " + message);
        assertTrue(message.contains(problem), "message should say '" + problem + "': " + message);
        assertTrue(!message.contains("\n"), "message should be one line: " + message);
    }
}
