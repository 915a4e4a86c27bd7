package dev.pedigree.experiments;

/**
 * One pair for the compare benchmark.
 *
 * @param nameA      short name written to the CSV
 * @param specA      what {@code ModelOpener} opens (a path or {@code maven:...})
 * @param label      {@code related}, {@code unrelated} or {@code unknown} (ground truth not known; kept out of accuracy)
 * @param category   the kind of relation, e.g. {@code finetune}, {@code cross-family}, {@code real-int8-twin}
 * @param sharedInit whether the two models' weights carry the same initialisation ({@code yes}, {@code no}, or
 *                   {@code unknown}); a related pair without one (a distilled student) is invisible in weights by design
 */
public record BenchPair(String nameA, String specA, String nameB, String specB, String label, String category, String sharedInit) {
}
