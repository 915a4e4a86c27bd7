package dev.pedigree.signals;

import dev.pedigree.error.BadInputException;
import java.util.Locale;

/**
 * How much of each model's tensor bytes a comparison may read. {@code all} reads every compared
 * layer as before; a share caps the planned reads of each model at that share of its tensor bytes
 * (see {@link ReadPlan}); {@code auto}, the default, is {@code all} for models up to
 * {@link #AUTO_ALL_UP_TO} bytes and {@link #AUTO_SHARE} of the bytes above that, so small models keep
 * every layer and multi-gigabyte checkpoints are compared from a tenth of their bytes.
 *
 * @param share the share of each model's bytes, or NaN for {@code all}
 * @param auto  whether the share applies only to models above {@link #AUTO_ALL_UP_TO}
 */
public record ReadBudget(double share, boolean auto) {
    /** Larger than every zoo model and the 133 MB encoders, smaller than any 1B-parameter checkpoint. */
    public static final long AUTO_ALL_UP_TO = 1L << 30;
    public static final double AUTO_SHARE = 0.10;

    public static final ReadBudget ALL = new ReadBudget(Double.NaN, false);
    public static final ReadBudget AUTO = new ReadBudget(AUTO_SHARE, true);

    /** {@code auto}, {@code all}, a share in (0, 1] such as {@code 0.1}, or a percentage such as {@code 10%}. */
    public static ReadBudget parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("auto")) {
            return AUTO;
        }
        if (t.equals("all")) {
            return ALL;
        }
        double share;
        try {
            share = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new BadInputException("--read-budget must be auto, all, a share such as 0.1 or a percentage such as 10%, not " + text);
        }
        if (!(share > 0 && share <= 1)) {
            throw new BadInputException("--read-budget must be a share in (0, 1] or a percentage in (0%, 100%], not " + text);
        }
        return new ReadBudget(share, false);
    }

    /** The bytes this budget allows reading from a model of {@code modelBytes}, or {@link Long#MAX_VALUE} for no limit. */
    public long limitFor(long modelBytes) {
        if (Double.isNaN(share) || (auto && modelBytes <= AUTO_ALL_UP_TO)) {
            return Long.MAX_VALUE;
        }
        return (long) (share * modelBytes);
    }

    public String label() {
        if (Double.isNaN(share)) {
            return "all";
        }
        String s = String.format(Locale.ROOT, "%.3f", 100 * share).replaceAll("\\.?0+$", "") + "%";
        return auto ? "auto (" + s + " above " + (AUTO_ALL_UP_TO >> 30) + " GiB)" : s;
    }
}
