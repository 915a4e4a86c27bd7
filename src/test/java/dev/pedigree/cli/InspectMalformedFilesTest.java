package dev.pedigree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The bad-input corpus of every reader through the real command line: each malformed file gives
 * exit code 2, one stderr line naming the file and the problem, nothing on stdout, nothing cached.
 * (Each reader's own tests cover many more cases at the reader level.)
 */
class InspectMalformedFilesTest {
    @TempDir
    Path tmp;
    private String savedCache;

    @BeforeEach
    void isolateCache() {
        savedCache = System.getProperty("pedigree.cache");
        System.setProperty("pedigree.cache", tmp.resolve("cache").toString());
    }

    @AfterEach
    void restoreCache() {
        if (savedCache == null) {
            System.clearProperty("pedigree.cache");
        } else {
            System.setProperty("pedigree.cache", savedCache);
        }
    }

    private static byte[] safetensors(String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return b.array();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve("models").resolve(name);
        Files.createDirectories(p.getParent());
        return Files.write(p, bytes);
    }

    @Test
    void everyReadersMalformedFilesExitTwo() throws IOException {
        Map<Path, String> cases = new LinkedHashMap<>();
        cases.put(write("truncated.safetensors", java.util.Arrays.copyOf(
                safetensors("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 16), 40)), "");
        ByteBuffer lying = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1_000_000).putLong(0);
        cases.put(write("header-past-end.safetensors", lying.array()), "header");
        cases.put(write("overlap.safetensors", safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12)), "overlap");
        cases.put(write("unknown-dtype.safetensors", safetensors("{\"a\":{\"dtype\":\"F12\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8)), "F12");
        cases.put(write("size-mismatch.safetensors", safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8)), "");
        cases.put(write("bad-magic.gguf", "GGUX\3\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)), "magic");
        ByteBuffer v9 = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).put("GGUF".getBytes(StandardCharsets.US_ASCII)).putInt(9);
        cases.put(write("version.gguf", v9.array()), "version");
        // field 7 (graph) with wire type 7, which protobuf does not define
        cases.put(write("bad-wire.onnx", new byte[] {(byte) 0x3f, 1, 2, 3}), "");
        Path shardDir = tmp.resolve("models/sharded");
        Files.createDirectories(shardDir);
        Files.writeString(shardDir.resolve("model.safetensors.index.json"),
                "{\"weight_map\":{\"w\":\"../outside.safetensors\"}}");
        cases.put(shardDir, "..");

        for (Map.Entry<Path, String> c : cases.entrySet()) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute("inspect", c.getKey().toString());
            String name = c.getKey().getFileName().toString();
            assertEquals(ExitCode.BAD_INPUT, exit, name + ": " + err);
            assertEquals("", out.toString(), name);
            List<String> lines = err.toString().lines().toList();
            assertEquals(1, lines.size(), name + ": " + err);
            assertTrue(lines.getFirst().contains(name), "names the file: " + lines.getFirst());
            assertTrue(lines.getFirst().contains(c.getValue()), "names the problem: " + lines.getFirst());
        }
        assertFalse(Files.exists(tmp.resolve("cache")), "nothing written to the cache on bad input");
    }
}
