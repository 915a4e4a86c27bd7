package dev.pedigree.model.gguf;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.model.ModelFormatException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed GGUF files, each wrong in one way: refused with the file and the problem named. */
class GgufBadInputTest {
    @TempDir
    Path dir;

    private void refused(GgufBytes bytes, String problem) throws Exception {
        refused(bytes.build(), problem);
    }

    private void refused(byte[] bytes, String problem) throws Exception {
        Path file = Files.write(dir.resolve("bad.gguf"), bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> new GgufReader().open(file).close());
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), "expected '" + problem + "' in: " + e.getMessage());
        assertTrue(e.file().equals(file));
    }

    private static GgufBytes valid() {
        return new GgufBytes().kvString("general.architecture", "llama").tensor("output_norm.weight", GgmlType.F32, 64);
    }

    @Test
    void theBuilderWritesAValidFile() throws Exception {
        try (GgufFile gguf = new GgufReader().open(valid().write(dir.resolve("ok.gguf")))) {
            assertTrue(gguf.tensors().size() == 1);
        }
    }

    @Test
    void badMagic() throws Exception {
        refused(valid().magic(0x46554746), "not a GGUF file");
    }

    @Test
    void version1() throws Exception {
        refused(valid().version(1), "GGUF version 1 is not supported");
    }

    @Test
    void version4() throws Exception {
        refused(valid().version(4), "unsupported GGUF version 4");
    }

    @Test
    void bigEndian() throws Exception {
        refused(valid().version(Integer.reverseBytes(3) & 0xFFFF_FFFFL), "big-endian GGUF");
    }

    @Test
    void fiveDimensions() throws Exception {
        refused(new GgufBytes().tensorRaw("t", new long[] {1, 1, 1, 1, 1}, 0, 0).dataBytes(64), "has 5 dimensions");
    }

    @Test
    void misalignedOffset() throws Exception {
        refused(new GgufBytes().tensorRaw("t", new long[] {4}, 0, 4).dataBytes(64), "is not a multiple of the alignment 32");
    }

    @Test
    void absurdTensorCount() throws Exception {
        refused(valid().tensorCount(1L << 40), "tensor count is absurd");
    }

    @Test
    void absurdKeyValueCount() throws Exception {
        refused(valid().kvCount(Long.MAX_VALUE), "key-value count is absurd");
    }

    @Test
    void countWithTheTopBitSet() throws Exception {
        refused(valid().tensorCount(-1L), "tensor count is absurd");
    }

    @Test
    void absurdStringLength() throws Exception {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        value.writeBytes(GgufBytes.u64(1L << 50));
        value.writeBytes(new byte[16]);
        refused(new GgufBytes().kvRaw("general.name", 8, value.toByteArray()), "length of the value of general.name is absurd");
    }

    @Test
    void absurdArrayCount() throws Exception {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        value.writeBytes(GgufBytes.u32(8));
        value.writeBytes(GgufBytes.u64(1L << 40));
        value.writeBytes(new byte[64]);
        refused(new GgufBytes().kvRaw("tokenizer.ggml.tokens", 9, value.toByteArray()), "length of array tokenizer.ggml.tokens is absurd");
    }

    @Test
    void arraysNestedTooDeep() throws Exception {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        for (int i = 0; i < 20; i++) {
            value.writeBytes(GgufBytes.u32(9));
            value.writeBytes(GgufBytes.u64(1));
        }
        value.writeBytes(GgufBytes.u32(0));
        value.writeBytes(GgufBytes.u64(0));
        refused(new GgufBytes().kvRaw("deep", 9, value.toByteArray()), "nests arrays deeper than");
    }

    @Test
    void unknownValueType() throws Exception {
        refused(new GgufBytes().kvRaw("general.name", 13, new byte[8]), "unknown value type 13 for key general.name");
    }

    @Test
    void unknownGgmlType() throws Exception {
        refused(new GgufBytes().tensorRaw("t", new long[] {4}, 99, 0).dataBytes(64), "unknown ggml type id 99");
    }

    @Test
    void retiredGgmlType() throws Exception {
        refused(new GgufBytes().tensorRaw("t", new long[] {32}, 4, 0).dataBytes(64), "retired ggml type id 4");
    }

    @Test
    void dataPastTheEnd() throws Exception {
        refused(valid().dataBytes(100), "runs past the end of the file");
    }

    @Test
    void offsetFarPastTheEnd() throws Exception {
        refused(new GgufBytes().tensorRaw("t", new long[] {4}, 0, 1L << 40).dataBytes(64), "runs past the end of the file");
    }

    @Test
    void overlappingTensors() throws Exception {
        refused(new GgufBytes().tensorRaw("a", new long[] {16}, 0, 0).tensorRaw("b", new long[] {16}, 0, 32).dataBytes(128),
                "tensors a and b overlap");
    }

    @Test
    void duplicateTensorName() throws Exception {
        refused(new GgufBytes().tensor("a", GgmlType.F32, 8).tensor("a", GgmlType.F32, 8), "duplicate tensor name a");
    }

    @Test
    void duplicateKey() throws Exception {
        refused(new GgufBytes().kvString("general.name", "x").kvString("general.name", "y"), "duplicate key general.name");
    }

    @Test
    void alignmentNotAPowerOfTwo() throws Exception {
        refused(new GgufBytes().kvRaw("general.alignment", 4, GgufBytes.u32(48)), "general.alignment must be a power of two");
    }

    @Test
    void dimensionWithTheTopBitSet() throws Exception {
        refused(new GgufBytes().tensorRaw("t", new long[] {-4}, 0, 0).dataBytes(64), "dimension 0 of tensor t is absurd");
    }

    @Test
    void shapeOverflowingSixtyFourBits() throws Exception {
        refused(new GgufBytes().tensorRaw("t", new long[] {1L << 32, 1L << 32}, 0, 0).dataBytes(64), "overflows");
    }

    @Test
    void rowsNotFillingWholeBlocks() throws Exception {
        refused(new GgufBytes().tensorRaw("t", new long[] {33, 2}, GgmlType.Q8_0.id(), 0).dataBytes(256), "do not fill whole Q8_0 blocks");
    }

    @Test
    void emptyFile() throws Exception {
        refused(new byte[0], "file truncated while reading the magic number");
    }

    @Test
    void truncatedAnywhereInTheHeaderOrData() throws Exception {
        byte[] whole = Files.readAllBytes(GgufFixtures.path("tiny-llama.gguf"));
        for (int cut = 0; cut < whole.length; cut += 97) {
            Path file = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(whole, cut));
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> new GgufReader().open(file).close(), "cut at " + cut);
            // a cut file either ends inside a field, or leaves too few bytes for a declared count or tensor
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("absurd")
                            || e.getMessage().contains("runs past the end"),
                    "cut at " + cut + ": " + e.getMessage());
        }
    }
}
