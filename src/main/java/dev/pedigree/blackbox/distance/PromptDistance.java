package dev.pedigree.blackbox.distance;

import dev.pedigree.blackbox.ModelQueries;
import dev.pedigree.blackbox.QueryableModel;

/**
 * A per-prompt distance between the target's outputs and a candidate's (smaller = more alike). The
 * target side is prepared once (its queries, anything derived from them); each candidate then costs
 * only its own queries.
 */
public interface PromptDistance {
    /** The name used on the command line and in reports. */
    String name();

    /** The kind of model this distance queries (a server URL is opened as this kind). */
    dev.pedigree.blackbox.ModelKind modelKind();

    Prepared prepare(QueryableModel target, ModelQueries queries);

    /** A distance with the target's side done. */
    interface Prepared {
        /** {@code D(target(x_t), candidate(x_t))} for every prompt t, in prompt order. */
        double[] row(QueryableModel candidate);
    }
}
