package dev.pedigree.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.model.ModelFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed files are refused with a ModelFormatException naming the file and the problem. */
class OnnxReaderBadInputTest {
    @TempDir
    Path dir;

    private static ModelFormatException refused(Path file, String problem) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> new OnnxReader().open(file).close());
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(problem), "expected '" + problem + "' in: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
        return e;
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static byte[] fixture(String name) throws Exception {
        return Files.readAllBytes(OnnxFixtures.file(name));
    }

    @Test
    void badWireType() throws Exception {
        byte[] good = fixture("raw_vs_float_data.onnx");
        byte[] bad = new byte[good.length + 1];
        bad[0] = 0x0F; // field 1 (ir_version, a varint) with wire type 7
        System.arraycopy(good, 0, bad, 1, good.length);
        refused(write("wire.onnx", bad), "bad wire type 7 for ModelProto.ir_version");
        byte[] unknown = bad.clone();
        unknown[0] = 0x36; // unknown field 6 with wire type 6
        refused(write("wire6.onnx", unknown), "bad wire type 6");
    }

    @Test
    void truncated() throws Exception {
        byte[] good = fixture("raw_vs_float_data.onnx");
        refused(write("cut.onnx", Arrays.copyOf(good, good.length / 2)), "truncated");
        refused(write("cut1.onnx", Arrays.copyOf(good, good.length - 1)), "truncated");
    }

    @Test
    void emptyAndNotOnnx() throws Exception {
        refused(write("empty.onnx", new byte[0]), "empty file");
        refused(write("text.onnx", "{\"not\": \"onnx\"}".getBytes()), "");
    }

    @Test
    void externalDataOutsideTheDirectory() throws Exception {
        refused(OnnxFixtures.file("bad_external_dotdot.onnx"), "leaves the model directory (..)");
        refused(OnnxFixtures.file("bad_external_absolute.onnx"), "is an absolute path");
    }

    @Test
    void externalDataLinkLeavingTheDirectory() throws Exception {
        Path modelDir = Files.createDirectories(dir.resolve("model"));
        Files.copy(OnnxFixtures.file("external_data.onnx"), modelDir.resolve("external_data.onnx"));
        Path outside = Files.copy(OnnxFixtures.file("external_data.bin"), dir.resolve("elsewhere.bin"));
        Files.createSymbolicLink(modelDir.resolve("external_data.bin"), outside);
        refused(modelDir.resolve("external_data.onnx"), "is a link leading outside the model directory");
        // The same file inside the directory is accepted.
        Files.delete(modelDir.resolve("external_data.bin"));
        Files.copy(outside, modelDir.resolve("external_data.bin"));
        new OnnxReader().open(modelDir.resolve("external_data.onnx")).close();
    }

    @Test
    void externalDataMissingOrOutOfRange() throws Exception {
        refused(OnnxFixtures.file("bad_external_range.onnx"), "lies outside external_data.bin (336 bytes)");
        Path lone = Files.copy(OnnxFixtures.file("external_data.onnx"), dir.resolve("lone.onnx"));
        refused(lone, "not found beside the model");
    }

    @Test
    void unknownDataTypeAndWrongRawSize() {
        refused(OnnxFixtures.file("bad_data_type.onnx"), "tensor 'w': unknown data type 99");
        refused(OnnxFixtures.file("bad_raw_size.onnx"), "raw_data has 24 bytes, FLOAT[2, 4] needs 32");
    }

    @Test
    void absurdRankIsRefusedBeforeAllocating() throws Exception {
        // ModelProto.graph { initializer { dims: 65 x 1 } }: a rank no model has.
        byte[] dims = new byte[65 * 2];
        for (int i = 0; i < 65; i++) {
            dims[2 * i] = 0x08; // field 1 (dims), varint
            dims[2 * i + 1] = 0x01;
        }
        byte[] initializer = concat(new byte[] {0x2A, (byte) dims.length, 0x01}, dims); // field 5, length 130 (2-byte varint)
        byte[] graph = concat(new byte[] {0x3A, (byte) (initializer.length & 0x7F | 0x80), (byte) (initializer.length >> 7)}, initializer);
        refused(write("rank.onnx", graph), "TensorProto.dims has more than 64 entries");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void directoryIsNotAModel() {
        refused(dir, "not a regular file");
    }
}
