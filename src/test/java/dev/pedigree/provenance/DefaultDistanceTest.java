package dev.pedigree.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pedigree.blackbox.QueryableModels;
import dev.pedigree.blackbox.RealEncoders;
import dev.pedigree.blackbox.ZooModels;
import dev.pedigree.error.BadInputException;
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
        assertEquals("centred-logits", DefaultDistance.forTarget(ZooModels.ROOT.resolve("tiny-llama-a").toString(),
                QueryableModels.Options.DEFAULT, ERR));
    }

    @Test
    void encodersGetTheRepresentationDistance() {
        RealEncoders.file("bge-small-en-tokenizer.json");
        assertEquals("representation", DefaultDistance.forTarget(RealEncoders.file("bge-small-en.onnx").toString(),
                QueryableModels.Options.DEFAULT, ERR));
    }

    @Test
    void aServerTargetMustNameItsDistance() {
        assertThrows(BadInputException.class, () -> DefaultDistance.forTarget("http://127.0.0.1:9/v1#m", QueryableModels.Options.DEFAULT, ERR));
    }
}
