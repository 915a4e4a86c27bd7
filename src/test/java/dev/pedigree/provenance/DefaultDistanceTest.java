package dev.pedigree.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.error.BadInputException;
import dev.pedigree.testing.EncoderFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The distance {@code set} picks when none is named. Pinned by the zoo measurement
 * (experiments/coverage-real/README.md): centred-logits is the only causal-LM distance that put a true
 * relative first in every zoo task with one and survived the shared-data traps; for encoders the
 * representation distance is the one that compares models of any width (experiments/calibrated-real).
 */
class DefaultDistanceTest {
    private static final PrintWriter ERR = new PrintWriter(new StringWriter());

    @Test
    void causalLanguageModelsGetCentredLogits() {
        assertEquals(DefaultDistance.CAUSAL, DefaultDistance.forTarget("src/test/resources/zoo/models/tiny-llama-a-ft", ERR));
        assertEquals(DefaultDistance.CAUSAL, DefaultDistance.forTarget("src/test/resources/zoo/models/tiny-gpt2-a/onnx/model.onnx", ERR));
    }

    @Test
    void encodersGetRepresentation() {
        EncoderFixtures.tokenizer("all-minilm-l6-v2-q");
        assertEquals(DefaultDistance.ENCODER, DefaultDistance.forTarget(EncoderFixtures.onnx("all-minilm-l6-v2-q").toString(), ERR));
    }

    @Test
    void aServerMustNameItsDistance() {
        BadInputException e = assertThrows(BadInputException.class, () -> DefaultDistance.forTarget("http://127.0.0.1:9/v1#m", ERR));
        assertTrue(e.getMessage().contains("--distance"), e.getMessage());
    }
}
