/**
 * The picocli commands: each parses its options, calls the packages that do the work, and renders
 * the report. No logic lives here. Exit codes: 0 done, 1 finding, 2 bad input, 3 internal error.
 */
package dev.pedigree.cli;
