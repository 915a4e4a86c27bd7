package dev.pedigree.blackbox;

import dev.pedigree.blackbox.distance.PromptDistance;
import dev.pedigree.stats.PairwiseDistances;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The candidate-to-candidate mean distances the calibrated provenance set needs ({@link PairwiseDistances},
 * {@code pedigree set --pairwise}): every model in turn takes the target's role against the others, with
 * the same distance and prompts as the target's matrix. Answers come through the same cache, so each model
 * is queried once whatever its role, and only the distances are computed m times. A model that fails
 * stops the build: the background needs every pair.
 */
public final class PairwiseDistanceBuilder {
    private final ModelQueries queries;

    public PairwiseDistanceBuilder(ModelQueries queries) {
        this.queries = queries;
    }

    /** {@code mean[i][j]} = mean over the prompts of {@code D(models[i](x_t), models[j](x_t))}; the diagonal is 0. */
    public PairwiseDistances build(List<? extends QueryableModel> models, PromptDistance distance) {
        PairwiseRows rows = rows(models, distance);
        return rows.meansOver(rows.prompts());
    }

    /** Every pair's distances prompt by prompt, {@code rows[i][j][t] = D(models[i](x_t), models[j](x_t))}. */
    public PairwiseRows rows(List<? extends QueryableModel> models, PromptDistance distance) {
        Set<String> seen = new HashSet<>();
        for (QueryableModel model : models) {
            if (!seen.add(model.name())) {
                throw new IllegalArgumentException("two models are named " + model.name() + "; names must differ");
            }
        }
        int m = models.size();
        double[][][] rows = new double[m][m][];
        for (int i = 0; i < m; i++) {
            PromptDistance.Prepared prepared = distance.prepare(models.get(i), queries);
            for (int j = 0; j < m; j++) {
                if (j != i) {
                    rows[i][j] = prepared.row(models.get(j));
                }
            }
        }
        return new PairwiseRows(models.stream().map(QueryableModel::name).toList(), rows);
    }
}
