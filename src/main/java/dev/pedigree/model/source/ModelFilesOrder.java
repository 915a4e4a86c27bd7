package dev.pedigree.model.source;

/**
 * The order of a model's files in its digest: path components compared one by one, each by code
 * point, a shorter path first when it is a prefix. This is how Python sorts {@code PurePosixPath}s,
 * the order OpenSSF model signing hashes its manifest in ({@code a/b} sorts before {@code a-b},
 * unlike a plain string sort).
 */
final class ModelFilesOrder {
    private ModelFilesOrder() {
    }

    static int compare(String a, String b) {
        String[] pa = a.split("/", -1);
        String[] pb = b.split("/", -1);
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c = compareCodePoints(pa[i], pb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
