package dev.pedigree.blackbox;

import dev.pedigree.blackbox.distance.PromptDistance;
import dev.pedigree.error.BadInputException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Queries the target and every candidate on the prompt set (through the cache) and builds the
 * distance matrix. A candidate that fails (unreadable, wrong kind for the distance, server down) is
 * left out with its reason and the rest go on; a target that fails stops the run.
 */
public final class DistanceMatrixBuilder {
    private final ModelQueries queries;

    public DistanceMatrixBuilder(ModelQueries queries) {
        this.queries = queries;
    }

    public MeasuredDistances build(QueryableModel target, List<? extends QueryableModel> candidates,
            PromptDistance distance) {
        java.util.Set<String> seen = new java.util.HashSet<>(java.util.List.of(target.name()));
        for (QueryableModel candidate : candidates) {
            if (!seen.add(candidate.name())) {
                throw new BadInputException("two models are named " + candidate.name() + " (the target's and the candidates' names must differ)");
            }
        }
        PromptDistance.Prepared prepared = distance.prepare(target, queries);
        List<String> names = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        Map<String, String> excluded = new LinkedHashMap<>();
        for (QueryableModel candidate : candidates) {
            try {
                rows.add(prepared.row(candidate));
                names.add(candidate.name());
            } catch (BadInputException | UncheckedIOException | IllegalStateException
                     | UnsupportedOperationException e) {
                excluded.put(candidate.name(), e.getMessage());
            }
        }
        return new MeasuredDistances(distance.name(), target.name(), names, rows.toArray(double[][]::new),
                queries.prompts().sha256(), excluded, java.util.Map.of(), null);
    }
}
