package dev.pedigree.signals;

/** Small numeric building blocks shared by the signals: dot products, cosine, Pearson, row norms. */
public final class Statistics {
    private Statistics() {
    }

    public static double dot(float[] a, int offA, float[] b, int offB, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[offA + i] * b[offB + i];
            s1 += a[offA + i + 1] * b[offB + i + 1];
            s2 += a[offA + i + 2] * b[offB + i + 2];
            s3 += a[offA + i + 3] * b[offB + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[offA + i] * b[offB + i];
        }
        return s0 + s1 + s2 + s3;
    }

    /** Cosine of two vectors, NaN when either is (near) zero. */
    public static double cosine(double[] a, double[] b) {
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        double norm = Math.sqrt(aa) * Math.sqrt(bb);
        return norm < 1e-10 ? Double.NaN : ab / norm;
    }

    /** Pearson correlation (numpy {@code corrcoef}); NaN for a constant input. */
    public static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < n; i++) {
            double x = a[i] - ma;
            double y = b[i] - mb;
            ab += x * y;
            aa += x * x;
            bb += y * y;
        }
        return aa == 0 || bb == 0 ? Double.NaN : ab / Math.sqrt(aa * bb);
    }

    /** Population standard deviation (numpy's default {@code ddof=0}). */
    public static double std(double[] a) {
        double m = 0;
        for (double x : a) {
            m += x;
        }
        m /= a.length;
        double s = 0;
        for (double x : a) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / a.length);
    }

    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        java.util.Arrays.sort(s);
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : (s[h - 1] + s[h]) / 2;
    }

    /** Python's {@code round(x, 4)}: the exact binary value rounded half to even. */
    public static double round4(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return new java.math.BigDecimal(x).setScale(4, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Python's {@code round(x, 2)}. */
    public static double round2(double x) {
        return new java.math.BigDecimal(x).setScale(2, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }
}
