package dev.pedigree.model.roles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.Role;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorRole;
import dev.pedigree.model.TensorStore;
import dev.pedigree.model.gguf.GgufArchitecture;
import dev.pedigree.model.gguf.GgufFile;
import dev.pedigree.model.gguf.GgufFixtures;
import dev.pedigree.model.gguf.GgufReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GgufTensorRolesTest {
    private static TensorStore open(String file) {
        GgufFile gguf = new GgufReader().open(GgufFixtures.path(file));
        ArchitectureSpec arch = GgufArchitecture.from(gguf);
        return new TensorStore(gguf, new GgufTensorRoles().map(gguf, arch));
    }

    @Test
    void mapsEveryLlamaTensorToItsRoleAndLayer() {
        try (TensorStore store = open("tiny-llama.gguf")) {
            assertEquals(2, store.layerCount());
            assertEquals(TensorRole.global(Role.EMBEDDING), store.byName("token_embd.weight").orElseThrow().role());
            assertEquals(TensorRole.global(Role.FINAL_NORM), store.byName("output_norm.weight").orElseThrow().role());
            for (int layer = 0; layer < 2; layer++) {
                for (Role r : new Role[] {Role.ATTN_NORM, Role.Q, Role.K, Role.V, Role.O, Role.MLP_NORM, Role.GATE, Role.UP, Role.DOWN}) {
                    assertTrue(store.find(r, layer).isPresent(), r + " of layer " + layer);
                }
            }
            assertArrayEquals(new long[] {32, 32}, store.byName("token_embd.weight").orElseThrow().shape());
            assertArrayEquals(new long[] {16, 32}, store.find(Role.K, 1).orElseThrow().shape(), "HF [out, in]");
            assertArrayEquals(new long[] {32, 64}, store.find(Role.DOWN, 0).orElseThrow().shape(), "HF [out, in]");
        }
    }

    @Test
    void undoesLlamaCppsRopePermutationOfQueryAndKeyRows() throws Exception {
        Map<String, GgufFixtures.Expected> expected = GgufFixtures.expected("tiny-llama");
        try (TensorStore store = open("tiny-llama.gguf")) {
            for (int layer = 0; layer < 2; layer++) {
                for (String part : new String[] {"attn_q", "attn_k"}) {
                    String name = "blk." + layer + "." + part + ".weight";
                    TensorInfo t = store.byName(name).orElseThrow();
                    float[] hf = expected.get(name).values();
                    assertArrayEquals(hf, store.read(t), name + " in HF row order");
                    // the same rows one at a time and as a sampled subset agree with the whole read
                    int rowLength = (int) t.rowLength();
                    for (int r = 0; r < t.rows(); r += 5) {
                        float[] row = store.readRows(t, r, 1);
                        for (int c = 0; c < rowLength; c++) {
                            assertEquals(hf[r * rowLength + c], row[c], name + " row " + r);
                        }
                    }
                    float[] strided = store.readStrided(t, 37);
                    long stride = (hf.length + 36) / 37;
                    for (int i = 0; i < strided.length; i++) {
                        assertEquals(hf[(int) (i * stride)], strided[i], name + " sample " + i);
                    }
                }
            }
        }
    }

    @Test
    void leavesOtherTensorsAsStored() throws Exception {
        Map<String, GgufFixtures.Expected> expected = GgufFixtures.expected("tiny-llama");
        try (TensorStore store = open("tiny-llama.gguf")) {
            for (GgufFixtures.Expected e : expected.values()) {
                if (!e.name().contains("attn_q") && !e.name().contains("attn_k")) {
                    assertArrayEquals(e.values(), store.read(store.byName(e.name()).orElseThrow()), e.name());
                }
            }
        }
    }

    @Test
    void permutationIsAPermutationAndInvertsTheConverter() {
        // stored row h*hd + 2i + j holds HF row h*hd + j*hd/2 + i; for 2 heads of 8: HF row 1 is stored row 2
        int[] rows = GgufTensorRoles.ropeUnpermutation(null, new FakeTensor(16), 2);
        assertArrayEquals(new int[] {0, 2, 4, 6, 1, 3, 5, 7, 8, 10, 12, 14, 9, 11, 13, 15}, rows);
        assertFalse(GgufTensorRoles.ROPE_PERMUTED.contains("qwen2"), "NeoX-style RoPE models are stored unpermuted");
    }

    @Test
    void splitsAFusedQkvIntoQueryKeyAndValueRows(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // phi3-style: 4 heads and 2 kv heads of 8 over hidden 32, so q, k, v take 32, 16 and 16 rows
        int rows = 64;
        int cols = 32;
        java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(rows * cols * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                data.putFloat(r * 1000f + c);
            }
        }
        java.nio.file.Path file = new dev.pedigree.model.gguf.GgufBytes()
                .kvString("general.architecture", "phi3")
                .kvU32("phi3.embedding_length", 32).kvU32("phi3.attention.head_count", 4).kvU32("phi3.attention.head_count_kv", 2)
                .tensor("blk.0.attn_qkv.weight", dev.pedigree.model.gguf.GgmlType.F32, rows, cols)
                .data(data.array()).write(dir.resolve("phi3.gguf"));
        GgufFile gguf = new GgufReader().open(file);
        try (TensorStore store = new TensorStore(gguf, new GgufTensorRoles().map(gguf, GgufArchitecture.from(gguf)))) {
            TensorInfo q = store.find(Role.Q, 0).orElseThrow();
            TensorInfo k = store.find(Role.K, 0).orElseThrow();
            TensorInfo v = store.find(Role.V, 0).orElseThrow();
            assertEquals("blk.0.attn_qkv.weight[k]", k.name());
            assertArrayEquals(new long[] {32, 32}, q.shape());
            assertArrayEquals(new long[] {16, 32}, k.shape());
            assertArrayEquals(new long[] {16, 32}, v.shape());
            assertEquals(0f, store.read(q)[0]);
            assertEquals(32 * 1000f + 5, store.readRows(k, 0, 1)[5], "k starts after the 32 q rows");
            assertEquals(63 * 1000f + 31, store.read(v)[16 * 32 - 1], "v ends at the last stored row");
        }
    }

    private record FakeTensor(long rows) implements dev.pedigree.model.StoredTensor {
        public String name() {
            return "blk.0.attn_q.weight";
        }

        public String dtype() {
            return "F32";
        }

        public long[] shape() {
            return new long[] {rows, 4};
        }

        public long byteSize() {
            return rows * 16;
        }

        public void read(long first, float[] dst, int offset, int count) {
            throw new UnsupportedOperationException();
        }
    }
}
