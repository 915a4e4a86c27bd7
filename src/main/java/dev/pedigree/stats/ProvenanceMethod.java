package dev.pedigree.stats;

import java.util.Arrays;
import java.util.Locale;

/** Which null each step of the sequential procedure tests. */
public enum ProvenanceMethod {
    /**
     * The paper's step ({@link MpsStep}): "every model of the pool is equally far from the target",
     * within-prompt permutations. Exact for that null; real pools of unrelated models break it.
     */
    MPS("mps"),
    /**
     * {@link BackgroundCalibratedStep}: "the nearest model is no nearer than unrelated models are",
     * the background of unrelated distances estimated robustly from the pool.
     */
    CALIBRATED("calibrated");

    private final String label;

    ProvenanceMethod(String label) {
        this.label = label;
    }

    /** The name reports and the command line use. */
    public String label() {
        return label;
    }

    /** The method named {@code label}. */
    public static ProvenanceMethod named(String label) {
        for (ProvenanceMethod m : values()) {
            if (m.label.equals(label.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("no method " + label + "; known: "
                + String.join(", ", Arrays.stream(values()).map(ProvenanceMethod::label).toList()));
    }

    /** The step this method tests with. */
    PoolStep step(int replicates, int threads) {
        return switch (this) {
            case MPS -> new MpsStep(replicates, threads);
            case CALIBRATED -> new BackgroundCalibratedStep(replicates);
        };
    }
}
