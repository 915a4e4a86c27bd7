package dev.pedigree.stats;

/** Why the sequential procedure stopped adding models to the set (at a given level). */
public enum StopReason {
    /** The step's monotone p-value exceeded the level: the nearest model is not significantly nearer. */
    NOT_SIGNIFICANT("not_significant"),
    /** The nearest model of the step was a reference model, which never enters the set. */
    NEAREST_IS_REFERENCE("nearest_is_reference"),
    /**
     * Without reference models the pool shrank to a single candidate, which cannot be tested against
     * anything: its membership is undecided, and it has no NI-score.
     */
    POOL_REDUCED_TO_ONE_MODEL("pool_reduced_to_one_model"),
    /** With reference models every candidate entered the set. */
    ALL_CANDIDATES_IN_SET("all_candidates_in_set");

    private final String label;

    StopReason(String label) {
        this.label = label;
    }

    /** The name reports print. */
    public String label() {
        return label;
    }
}
