package dev.pedigree.blackbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pedigree.blackbox.cache.OutputCache;
import dev.pedigree.blackbox.distance.RepresentationDistance;
import dev.pedigree.blackbox.onnx.OnnxEncoder;
import dev.pedigree.blackbox.prompts.PromptSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output cache on a real encoder: repeated runs ask nothing, interrupted runs resume. */
class OutputCacheTest {
    private static final int PROMPTS = 60;
    private static final int CHUNK = 16;
    private static OnnxEncoder target;
    private static OnnxEncoder candidate;
    private static PromptSet prompts;

    @BeforeAll
    static void open() {
        target = RealEncoders.open(RealEncoders.MINILM_Q);
        candidate = RealEncoders.open(RealEncoders.BGE_EN);
        List<String> all = PromptSet.load(Path.of("prompts", "code.txt")).prompts().subList(0, PROMPTS);
        prompts = new PromptSet("code-60", all, PromptSet.sha256(String.join("\n", all).getBytes()));
    }

    @AfterAll
    static void close() {
        target.close();
        candidate.close();
    }

    private static ModelQueries queries(Path dir) {
        return new ModelQueries(new OutputCache(dir, CHUNK), prompts, new PrintWriter(new StringWriter()), false);
    }

    @Test
    void secondRunQueriesNothingAndGivesTheSameMatrix(@TempDir Path dir) {
        CountingEmbedder f1 = new CountingEmbedder(target, -1);
        CountingEmbedder g1 = new CountingEmbedder(candidate, -1);
        MeasuredDistances first = new DistanceMatrixBuilder(queries(dir))
                .build(f1, List.of(g1), RepresentationDistance.withDefaultAnchors());
        int anchors = RepresentationDistance.DEFAULT_ANCHORS.size();
        assertEquals(PROMPTS + anchors, f1.texts.get());
        assertEquals(PROMPTS + anchors, g1.texts.get());

        CountingEmbedder f2 = new CountingEmbedder(target, -1);
        CountingEmbedder g2 = new CountingEmbedder(candidate, -1);
        MeasuredDistances second = new DistanceMatrixBuilder(queries(dir))
                .build(f2, List.of(g2), RepresentationDistance.withDefaultAnchors());
        assertEquals(0, f2.texts.get());
        assertEquals(0, g2.texts.get());
        assertArrayEquals(first.values()[0], second.values()[0], 0.0);
    }

    @Test
    void interruptedRunResumesFromTheLastWholeChunk(@TempDir Path dir) {
        List<float[]> fresh = queries(dir.resolve("fresh")).embeddings(target);

        CountingEmbedder interrupted = new CountingEmbedder(target, 40);
        assertThrows(IllegalStateException.class, () -> queries(dir.resolve("resumed")).embeddings(interrupted));
        assertEquals(2 * CHUNK, interrupted.texts.get());

        CountingEmbedder resumed = new CountingEmbedder(target, -1);
        List<float[]> after = queries(dir.resolve("resumed")).embeddings(resumed);
        assertEquals(PROMPTS - 2 * CHUNK, resumed.texts.get());
        for (int t = 0; t < PROMPTS; t++) {
            assertArrayEquals(fresh.get(t), after.get(t), 0f);
        }
    }

    @Test
    void damagedChunkIsQueriedAgain(@TempDir Path dir) throws IOException {
        List<float[]> fresh = queries(dir).embeddings(target);
        Path chunk;
        try (Stream<Path> files = Files.walk(dir)) {
            chunk = files.filter(p -> p.getFileName().toString().equals("chunk-16.bin")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(chunk);
        Files.write(chunk, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        CountingEmbedder again = new CountingEmbedder(target, -1);
        List<float[]> repaired = queries(dir).embeddings(again);
        assertEquals(CHUNK, again.texts.get());
        for (int t = 0; t < PROMPTS; t++) {
            assertArrayEquals(fresh.get(t), repaired.get(t), 0f);
        }
    }
}
