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
 * The default distance by the target's kind, read off its ONNX graph's outputs by pedigree's own reader:
 * a {@code logits} output (the zoo's Hugging Face causal LM exports) gives centred-logits, a sentence
 * encoder (MiniLM from Maven Central, outputs {@code last_hidden_state}) gives representation.
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
