package dev.pedigree.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.blackbox.prompts.PromptSet;
import dev.pedigree.error.BadInputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request {@code pedigree set} makes: specs in, matrix out, bad candidates reported, not fatal. */
class MatrixRequestTest {
    private static PromptSet prompts() {
        List<String> some = PromptSet.load(Path.of("prompts", "random-tokens.txt")).prompts().subList(0, 24);
        return new PromptSet("random-24", some, PromptSet.sha256(String.join("\n", some).getBytes()));
    }

    private static String zoo(String name) {
        return ZooModels.ROOT.resolve(name).toString();
    }

    @Test
    void semanticMatrixWithOneUnreadableCandidate(@TempDir Path cache, @TempDir Path empty) {
        Path embedder = RealEncoders.file("all-minilm-l6-v2.onnx");
        RealEncoders.file("all-minilm-l6-v2-tokenizer.json");
        MatrixRequest request = new MatrixRequest(zoo("tiny-llama-a-ft"),
                List.of(zoo("tiny-llama-a"), empty.toString(), zoo("tiny-gpt2-a")), prompts(), "semantic",
                new Decoding(8, 8), cache, QueryableModels.Options.DEFAULT, embedder.toString());
        MeasuredDistances m = request.measure(new PrintWriter(new StringWriter()), false, false);
        assertEquals(List.of("tiny-llama-a", "tiny-gpt2-a"), m.candidates());
        assertEquals(24, m.values()[0].length);
        assertTrue(m.excluded().get(empty.toString()).contains("no model weights found"), m.excluded().toString());
        assertEquals("semantic", m.distance());
    }

    @Test
    void encoderCandidateForATokenDistanceIsExcludedWithTheReason(@TempDir Path cache) {
        Path encoder = RealEncoders.file("all-minilm-l6-v2-q.onnx");
        RealEncoders.file("all-minilm-l6-v2-q-tokenizer.json");
        MeasuredDistances m = new MatrixRequest(zoo("tiny-llama-a-ft"), List.of(zoo("tiny-llama-a"), encoder.toString()),
                prompts(), "token", new Decoding(8, 8), cache, QueryableModels.Options.DEFAULT, null)
                .measure(new PrintWriter(new StringWriter()), false, false);
        assertEquals(List.of("tiny-llama-a"), m.candidates());
        assertTrue(m.excluded().get("all-minilm-l6-v2-q").contains("needs a causal language model"), m.excluded().toString());
    }

    @Test
    void unreadableTargetStopsTheRun(@TempDir Path cache, @TempDir Path empty) {
        MatrixRequest request = new MatrixRequest(empty.toString(), List.of(zoo("tiny-llama-a")), prompts(), "token",
                new Decoding(8, 8), cache, QueryableModels.Options.DEFAULT, null);
        assertThrows(BadInputException.class, () -> request.measure(new PrintWriter(new StringWriter()), false, false));
    }
}
