package dev.pedigree.blackbox.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.pedigree.error.BadInputException;
import java.nio.file.Path;

/**
 * The process-wide ONNX Runtime environment and how sessions are opened. DJL's tokenizer library and
 * its engine call home on first load unless told not to, so the offline switches are set here, before
 * either is touched. The environment is the one DJL's ONNX Runtime engine creates (with its thread
 * pool settings): ONNX Runtime allows one per process, so whoever comes second must reuse it, and
 * starting DJL's engine first keeps DJL usable beside these backends.
 */
final class OnnxRuntime {
    private static final OrtEnvironment ENVIRONMENT;

    static {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        ai.djl.engine.Engine.getEngine("OnnxRuntime");
        ENVIRONMENT = OrtEnvironment.getEnvironment();
    }

    private OnnxRuntime() {
    }

    static OrtEnvironment environment() {
        return ENVIRONMENT;
    }

    static OrtSession open(Path onnx) {
        try {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return environment().createSession(onnx.toString(), options);
        } catch (OrtException e) {
            throw new BadInputException(onnx + ": ONNX Runtime cannot load the model: " + e.getMessage(), e);
        }
    }

    /** Makes sure the offline switches are set before DJL classes load. */
    static void prepare() {
        // the static initialiser above does the work
    }
}
