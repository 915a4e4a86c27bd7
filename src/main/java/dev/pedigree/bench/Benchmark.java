package dev.pedigree.bench;

import java.io.PrintWriter;

/**
 * One named benchmark run by {@code pedigree bench NAME}: prints its figures (with what was
 * measured and how) to {@code out}. Benchmarks are never unit tests: they run only on request.
 */
public interface Benchmark {
    String name();

    String description();

    void run(PrintWriter out) throws Exception;
}
