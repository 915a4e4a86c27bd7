package dev.pedigree.report;

/**
 * One row of the signal table: MPK's number beside ours for the same aspect of a pair.
 *
 * @param signal    what is compared ({@code embedding anchors (EAS)})
 * @param mpk       MPK's number, or null where MPK has none
 * @param mpkText   MPK's number as printed ({@code -} when none)
 * @param ours      our number on a 0–1 scale where one exists, or null
 * @param oursText  what pedigree says for this aspect
 */
public record SignalRow(String signal, Double mpk, String mpkText, Double ours, String oursText) {
}
