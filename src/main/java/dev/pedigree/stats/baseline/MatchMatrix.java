package dev.pedigree.stats.baseline;

import dev.pedigree.error.BadInputException;
import java.util.HashSet;
import java.util.List;

/**
 * Candidates × prompts: {@code matches[i][t]} is true when the target's greedy next token on prompt t
 * equals candidate i's. Prompts that the exclusion rule drops (see {@link MatchMatrixBuilder}) are
 * already gone, so every row has the same length. The arrays are copied in and never handed out.
 */
public final class MatchMatrix {
    private final List<String> candidates;
    private final boolean[][] matches;

    /**
     * @throws BadInputException when there is no candidate, names are missing or repeated, or rows
     *     differ in length
     */
    public MatchMatrix(List<String> candidates, boolean[][] matches) {
        if (candidates.isEmpty()) {
            throw new BadInputException("match matrix: no candidates");
        }
        if (candidates.size() != matches.length) {
            throw new BadInputException("match matrix: " + candidates.size() + " candidate names but "
                    + matches.length + " rows");
        }
        if (new HashSet<>(candidates).size() != candidates.size() || candidates.stream().anyMatch(String::isBlank)) {
            throw new BadInputException("match matrix: candidate names must be non-blank and distinct: " + candidates);
        }
        this.candidates = List.copyOf(candidates);
        this.matches = new boolean[matches.length][];
        for (int i = 0; i < matches.length; i++) {
            if (matches[i].length != matches[0].length) {
                throw new BadInputException("match matrix: row of " + candidates.get(i) + " has "
                        + matches[i].length + " prompts, the first row has " + matches[0].length);
            }
            this.matches[i] = matches[i].clone();
        }
    }

    public List<String> candidates() {
        return candidates;
    }

    public int candidateCount() {
        return matches.length;
    }

    public int promptCount() {
        return matches[0].length;
    }

    /** Number of matches of candidate i over the first {@code prompts} prompts. */
    public int matchCount(int candidate, int prompts) {
        int count = 0;
        for (int t = 0; t < prompts; t++) {
            if (matches[candidate][t]) {
                count++;
            }
        }
        return count;
    }
}
