/**
 * The one report model and its renderings. Every job builds a {@link dev.pedigree.report.Report}
 * (through {@link dev.pedigree.report.ReportBuilder}): the models it speaks about with their digests
 * and declared lineage, the links its tests found, its findings and its sections (provenance set — for {@code set}
 * both methods' sets, the calibrated background and every candidate's explanation —, distance distributions, weight comparisons, inspect details), with the tool version, environment,
 * seeds and timings. The builder puts declared lineage beside the links
 * ({@link dev.pedigree.report.LineageReconciliation}) and flags what contradicts it. Renderers — table,
 * JSON, HTML with inline SVG figures, CycloneDX 1.6 ML-BOM, SARIF 2.1.0 — hold layout only. Data flows
 * one way: source, reader, store, signals / stats, report, renderer.
 */
package dev.pedigree.report;
