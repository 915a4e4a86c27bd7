package dev.pedigree.blackbox.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pedigree.blackbox.Continuation;
import dev.pedigree.blackbox.Decoding;
import dev.pedigree.blackbox.TopTokens;
import dev.pedigree.blackbox.ZooModels;
import dev.pedigree.error.BadInputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The in-process causal LM backend on a real zoo model, against transformers' own greedy decoding. */
class OnnxCausalLanguageModelTest {
    private static final List<String> PROMPTS = List.of(
            "The captain pushed their cake late that evening, and everyone",
            "def parse_config(path):",
            "map delete 0xed5");
    private static final Decoding DECODING = new Decoding(16, 8);
    // /work/venv/bin/python experiments/blackbox/causal_reference.py src/test/resources/zoo/models/tiny-llama-a
    private static final int[][] REFERENCE_IDS = {
        {200, 85, 80, 265, 389, 13, 200, 85, 80, 265, 389, 13, 200, 85, 80, 265},
        {200, 308, 81, 77, 364, 70, 14, 81, 77, 364, 70, 14, 81, 77, 364, 70},
        {15, 200, 358, 268, 85, 269, 90, 200, 308, 71, 80, 265, 389, 13, 362, 71},
    };
    private static final double[] FIRST_LOGPROBS = {-2.74286, -0.58312, -2.53464};
    private static final double[] LAST_LOGPROBS = {-2.77706, -1.28925, -2.28258};
    private static final Path KV_EXPORT = Path.of("src/test/resources/blackbox/tiny-llama-a-kv");
    private static OnnxCausalLanguageModel single;
    private static OnnxCausalLanguageModel batched;
    private static OnnxCausalLanguageModel cachedSingle;
    private static OnnxCausalLanguageModel cachedBatched;

    @BeforeAll
    static void open() {
        single = ZooModels.open("tiny-llama-a", 1);
        batched = ZooModels.open("tiny-llama-a", 8);
        // the same weights exported with a key/value cache (experiments/fixtures/export_kv_cache.py)
        OnnxModelFiles kv = OnnxModelFiles.locate(KV_EXPORT);
        cachedSingle = OnnxCausalLanguageModel.open("tiny-llama-a-kv", kv.onnx(), kv.tokenizer(), kv.config(), 1);
        cachedBatched = OnnxCausalLanguageModel.open("tiny-llama-a-kv", kv.onnx(), kv.tokenizer(), kv.config(), 8);
    }

    @AfterAll
    static void close() {
        single.close();
        batched.close();
        cachedSingle.close();
        cachedBatched.close();
    }

    private static void assertReference(List<Continuation> out) {
        for (int p = 0; p < PROMPTS.size(); p++) {
            Continuation c = out.get(p);
            assertArrayEquals(REFERENCE_IDS[p], c.tokens(), PROMPTS.get(p));
            assertEquals(FIRST_LOGPROBS[p], c.steps()[0].logprobs()[0], 1e-4);
            assertEquals(REFERENCE_IDS[p][0], c.steps()[0].ids()[0]);
            assertEquals(LAST_LOGPROBS[p], c.steps()[15].logprobs()[0], 1e-4);
            assertEquals(8, c.steps()[3].ids().length);
            assertEquals(512, c.steps()[3].vocabularySize());
        }
    }

    @Test
    void greedyContinuationMatchesTransformers() {
        assertReference(batched.generate(PROMPTS, DECODING));
    }

    @Test
    void cachedExportGeneratesIncrementallyWithTheSameAnswers() {
        assertReference(cachedBatched.generate(PROMPTS, DECODING));
        assertSameAnswers(cachedSingle.generate(PROMPTS, DECODING), cachedBatched.generate(PROMPTS, DECODING));
        assertSameAnswers(batched.generate(PROMPTS, DECODING), cachedBatched.generate(PROMPTS, DECODING));
        // scoring runs the whole sequence once, with an empty cache
        List<Continuation> generated = cachedBatched.generate(PROMPTS, DECODING);
        List<TopTokens[]> scored = cachedBatched.score(PROMPTS, generated.stream().map(Continuation::tokens).toList(),
                DECODING);
        for (int p = 0; p < PROMPTS.size(); p++) {
            for (int s = 0; s < 16; s++) {
                assertArrayEquals(generated.get(p).steps()[s].ids(), scored.get(p)[s].ids());
                assertArrayEquals(generated.get(p).steps()[s].logprobs(), scored.get(p)[s].logprobs(), 1e-4f);
            }
        }
    }

    @Test
    void batchingDoesNotChangeAnswers() {
        assertSameAnswers(single.generate(PROMPTS, DECODING), batched.generate(PROMPTS, DECODING));
    }

    private static void assertSameAnswers(List<Continuation> alone, List<Continuation> together) {
        for (int p = 0; p < PROMPTS.size(); p++) {
            assertArrayEquals(alone.get(p).tokens(), together.get(p).tokens());
            assertEquals(alone.get(p).text(), together.get(p).text());
            for (int s = 0; s < 16; s++) {
                assertArrayEquals(alone.get(p).steps()[s].ids(), together.get(p).steps()[s].ids());
                assertArrayEquals(alone.get(p).steps()[s].logprobs(), together.get(p).steps()[s].logprobs(), 1e-5f);
            }
        }
    }

    @Test
    void scoringItsOwnPathGivesTheGenerationDistributions() {
        List<Continuation> generated = batched.generate(PROMPTS, DECODING);
        List<TopTokens[]> scored = batched.score(PROMPTS, generated.stream().map(Continuation::tokens).toList(), DECODING);
        for (int p = 0; p < PROMPTS.size(); p++) {
            for (int s = 0; s < 16; s++) {
                assertArrayEquals(generated.get(p).steps()[s].ids(), scored.get(p)[s].ids());
                assertArrayEquals(generated.get(p).steps()[s].logprobs(), scored.get(p)[s].logprobs(), 1e-4f);
            }
        }
    }

    @Test
    void nextTokenLogitsAreTheFirstStep() {
        float[][] logits = batched.nextTokenLogits(PROMPTS);
        List<Continuation> generated = batched.generate(PROMPTS, new Decoding(1, 512));
        for (int p = 0; p < PROMPTS.size(); p++) {
            assertEquals(512, logits[p].length);
            TopTokens full = generated.get(p).steps()[0];
            double max = Double.NEGATIVE_INFINITY;
            for (float l : logits[p]) {
                max = Math.max(max, l);
            }
            double z = 0;
            for (float l : logits[p]) {
                z += Math.exp(l - max);
            }
            for (int i = 0; i < full.ids().length; i++) {
                assertEquals(logits[p][full.ids()[i]] - max - Math.log(z), full.logprobs()[i], 1e-4);
            }
            assertEquals(0, full.restMass(), 1e-5);
        }
    }

    @Test
    void contextLimitCutsTheOldestTokens() {
        String longPrompt = "word ".repeat(400);
        Continuation c = batched.generate(List.of(longPrompt), DECODING).getFirst();
        assertEquals(16, c.tokens().length);
        assertThrows(BadInputException.class, () -> batched.generate(List.of("x"), new Decoding(200, 1)));
    }

    @Test
    void encoderExportIsRefusedAsCausalModel() {
        Path dir = ZooModels.ROOT.resolve("tiny-llama-a");
        Path encoder = dev.pedigree.blackbox.RealEncoders.file("all-minilm-l6-v2-q.onnx");
        BadInputException e = assertThrows(BadInputException.class, () -> OnnxCausalLanguageModel.open("x", encoder,
                dir.resolve("tokenizer.json"), null, 1));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("no output logits"), e.getMessage());
    }
}
