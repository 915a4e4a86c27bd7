package dev.pedigree.stats.baseline;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link MatchMatrix} one prompt at a time from token ids. A prompt is left out when the
 * target's next token already occurs in the prompt: copying a token from the context is something
 * any model does, so such a match says nothing about a shared origin. The rule looks at the target's
 * token only, so the same prompts are dropped for every candidate and all comparisons share one n.
 */
public final class MatchMatrixBuilder {
    private final List<String> candidates;
    private final List<boolean[]> columns = new ArrayList<>();
    private int excluded;

    public MatchMatrixBuilder(List<String> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    /**
     * Adds one prompt's tokens.
     *
     * @param targetToken the target's greedy next token id
     * @param candidateTokens each candidate's greedy next token id, in candidate order
     * @param promptTokens the prompt's token ids
     * @return false when the prompt was left out by the copy rule
     */
    public boolean add(int targetToken, int[] candidateTokens, int[] promptTokens) {
        if (candidateTokens.length != candidates.size()) {
            throw new IllegalArgumentException("expected " + candidates.size() + " candidate tokens, got "
                    + candidateTokens.length);
        }
        for (int token : promptTokens) {
            if (token == targetToken) {
                excluded++;
                return false;
            }
        }
        boolean[] column = new boolean[candidateTokens.length];
        for (int i = 0; i < column.length; i++) {
            column[i] = candidateTokens[i] == targetToken;
        }
        columns.add(column);
        return true;
    }

    /** Prompts left out so far because the target's token occurs in them. */
    public int excludedCount() {
        return excluded;
    }

    public MatchMatrix build() {
        boolean[][] rows = new boolean[candidates.size()][columns.size()];
        for (int t = 0; t < columns.size(); t++) {
            boolean[] column = columns.get(t);
            for (int i = 0; i < rows.length; i++) {
                rows[i][t] = column[i];
            }
        }
        return new MatchMatrix(candidates, rows);
    }
}
