package dev.pedigree.signals.mpk;

import dev.pedigree.signals.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * MPK's five weight similarities over two {@link MpkWeightFeatures}, each in [0, 1] rounded to four
 * places, NaN when not computable.
 */
public final class MpkWeightSimilarity {
    private MpkWeightSimilarity() {
    }

    /** EAS: (Pearson of the upper triangles of the common K×K anchor cosine matrices + 1) / 2, K ≥ 8. */
    public static double eas(MpkWeightFeatures a, MpkWeightFeatures b) {
        if (a.easSelfSim() == null || b.easSelfSim() == null) {
            return Double.NaN;
        }
        int k = Math.min(a.easSelfSim().length, b.easSelfSim().length);
        if (k < 8) {
            return Double.NaN;
        }
        double[] ua = new double[k * (k - 1) / 2];
        double[] ub = new double[ua.length];
        int n = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                ua[n] = a.easSelfSim()[i][j];
                ub[n++] = b.easSelfSim()[i][j];
            }
        }
        if (Statistics.std(ua) < 1e-8 || Statistics.std(ub) < 1e-8) {
            return Double.NaN;
        }
        return halfShift(Statistics.pearson(ua, ub));
    }

    /** END: cosine of the two norm histograms, clamped to [0, 1]. */
    public static double end(MpkWeightFeatures a, MpkWeightFeatures b) {
        if (a.endHistogram() == null || b.endHistogram() == null) {
            return Double.NaN;
        }
        return cosineClamp(a.endHistogram(), b.endHistogram());
    }

    /**
     * NLF: cosine of the concatenated norm vectors when both are "direct" with equal length; otherwise
     * both as per-chunk statistics, compared over the common length (at least 4).
     */
    public static double nlf(MpkWeightFeatures a, MpkWeightFeatures b) {
        double[] va = a.nlfVector();
        double[] vb = b.nlfVector();
        if (va == null || vb == null) {
            return Double.NaN;
        }
        boolean da = "direct".equals(a.nlfMode());
        boolean db = "direct".equals(b.nlfMode());
        if (da && db && va.length == vb.length) {
            return cosineClamp(va, vb);
        }
        if (da) {
            va = toStats(va, a.nlfCount());
        }
        if (db) {
            vb = toStats(vb, b.nlfCount());
        }
        int n = Math.min(va.length, vb.length);
        if (n < 4) {
            return Double.NaN;
        }
        return cosineClamp(java.util.Arrays.copyOf(va, n), java.util.Arrays.copyOf(vb, n));
    }

    /** LEP: profiles resampled linearly to the shorter depth, then (Pearson + 1) / 2. */
    public static double lep(MpkWeightFeatures a, MpkWeightFeatures b) {
        double[] pa = a.lepProfile();
        double[] pb = b.lepProfile();
        if (pa == null || pb == null || pa.length == 0 || pb.length == 0) {
            return Double.NaN;
        }
        if (pa.length != pb.length) {
            int target = Math.min(pa.length, pb.length);
            pa = resample(pa, target);
            pb = resample(pb, target);
        }
        if (Statistics.std(pa) < 1e-8 || Statistics.std(pb) < 1e-8) {
            return Double.NaN;
        }
        return halfShift(Statistics.pearson(pa, pb));
    }

    /** WVC: per common layer the clamped cosine over the common sample length (≥ 64); mean over ≥ 2 layers. */
    public static double wvc(MpkWeightFeatures a, MpkWeightFeatures b) {
        if (a.wvc() == null || b.wvc() == null) {
            return Double.NaN;
        }
        TreeSet<Integer> common = new TreeSet<>(a.wvc().keySet());
        common.retainAll(b.wvc().keySet());
        if (common.size() < 2) {
            return Double.NaN;
        }
        List<Double> cos = new ArrayList<>();
        for (int layer : common) {
            double[] sa = a.wvc().get(layer);
            double[] sb = b.wvc().get(layer);
            int n = Math.min(sa.length, sb.length);
            if (n < 64) {
                continue;
            }
            double ab = 0, aa = 0, bb = 0;
            for (int i = 0; i < n; i++) {
                ab += sa[i] * sb[i];
                aa += sa[i] * sa[i];
                bb += sb[i] * sb[i];
            }
            double norm = Math.sqrt(aa) * Math.sqrt(bb);
            if (norm < 1e-10) {
                continue;
            }
            cos.add(Math.max(0, Math.min(1, ab / norm)));
        }
        if (cos.size() < 2) {
            return Double.NaN;
        }
        return Statistics.round4(cos.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
    }

    private static double halfShift(double corr) {
        return Double.isNaN(corr) ? Double.NaN : Statistics.round4((corr + 1) / 2);
    }

    static double cosineClamp(double[] a, double[] b) {
        double c = Statistics.cosine(a, b);
        return Double.isNaN(c) ? Double.NaN : Statistics.round4(Math.max(0, Math.min(1, c)));
    }

    /** MPK's {@code norm_vector_to_stats}: [mean, std, max, min] of each of {@code count} equal chunks. */
    static double[] toStats(double[] v, int count) {
        if (count <= 0 || v.length / count <= 0) {
            return v;
        }
        int chunk = v.length / count;
        double[] out = new double[4 * count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(MpkWeightFeatures.chunkStats(v, i * chunk, (i + 1) * chunk), 0, out, 4 * i, 4);
        }
        return out;
    }

    /** numpy {@code interp(linspace(0,1,target), linspace(0,1,len), p)}. */
    static double[] resample(double[] p, int target) {
        double[] out = new double[target];
        for (int i = 0; i < target; i++) {
            double x = target == 1 ? 0 : (double) i / (target - 1);
            double pos = x * (p.length - 1);
            int lo = (int) Math.floor(pos);
            if (lo >= p.length - 1) {
                out[i] = p[p.length - 1];
            } else {
                double f = pos - lo;
                out[i] = p[lo] + f * (p[lo + 1] - p[lo]);
            }
        }
        return out;
    }
}
