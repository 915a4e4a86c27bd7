package dev.pedigree.signals.mpk;

import dev.pedigree.signals.Statistics;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** MPK's VOA: Jaccard index of the two sets of raw token strings. A diagnostic, never a decider. */
public record VocabularyOverlap(double jaccard, int intersection, int union) {

    public static VocabularyOverlap of(List<String> a, List<String> b) {
        Set<String> sa = new HashSet<>(a);
        Set<String> sb = new HashSet<>(b);
        int inter = 0;
        for (String s : sa) {
            inter += sb.contains(s) ? 1 : 0;
        }
        int union = sa.size() + sb.size() - inter;
        return new VocabularyOverlap(union == 0 ? 0 : Statistics.round4((double) inter / union), inter, union);
    }
}
