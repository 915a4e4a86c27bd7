package dev.pedigree.cli;

import picocli.CommandLine.Option;

/** The output flag every reporting command shares. */
public final class OutputOptions {
    /** Renderings of a report on stdout. */
    public enum Format { table, json, html }

    @Option(names = "--format", defaultValue = "table", description = "table, json or html (default: ${DEFAULT-VALUE})")
    public Format format = Format.table;
}
