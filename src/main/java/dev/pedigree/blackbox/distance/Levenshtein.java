package dev.pedigree.blackbox.distance;

/** Edit distance over Unicode code points, normalised by the longer text's length. */
final class Levenshtein {
    private Levenshtein() {
    }

    /** 0 for equal texts, 1 for texts with nothing in common; 0 when both are empty. */
    static double normalised(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int longer = Math.max(x.length, y.length);
        return longer == 0 ? 0 : (double) distance(x, y) / longer;
    }

    static int distance(int[] x, int[] y) {
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length];
    }
}
