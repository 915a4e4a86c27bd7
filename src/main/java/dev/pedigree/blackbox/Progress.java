package dev.pedigree.blackbox;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * A one-line progress bar with rate and ETA on stderr, redrawn at most five times a second. Silent when
 * disabled (stderr not a terminal, or {@code --quiet}): logs and captured output stay clean.
 */
public final class Progress {
    private static final long REDRAW_NANOS = 200_000_000L;
    private final String label;
    private final long total;
    private final PrintWriter err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long done;
    private long lastDraw;

    public Progress(String label, long total, PrintWriter err, boolean enabled) {
        this.label = label;
        this.total = total;
        this.err = err;
        this.enabled = enabled && err != null;
    }

    /** A bar that draws nothing. */
    public static Progress silent() {
        return new Progress("", 0, null, false);
    }

    /** Whether bars should draw by default: only when the process has a terminal. */
    public static boolean terminalAttached() {
        return System.console() != null;
    }

    public void advance(long n) {
        done += n;
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS || done >= total) {
            lastDraw = now;
            draw(now);
        }
        if (done >= total) {
            err.println();
            err.flush();
        }
    }

    private void draw(long now) {
        double seconds = (now - start) / 1e9;
        double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
        int width = 30;
        int filled = (int) Math.round(fraction * width);
        String eta = done == 0 ? "?" : format(Duration.ofMillis((long) (seconds / done * (total - done) * 1000)));
        err.printf("\r%s [%s%s] %d/%d %3.0f%% %.1f/s ETA %s ", label, "#".repeat(filled), ".".repeat(width - filled),
                done, total, 100 * fraction, seconds > 0 ? done / seconds : 0.0, eta);
        err.flush();
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
