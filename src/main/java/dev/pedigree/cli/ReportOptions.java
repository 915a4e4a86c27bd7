package dev.pedigree.cli;

import dev.pedigree.error.BadInputException;
import dev.pedigree.report.CycloneDxBom;
import dev.pedigree.report.FailOn;
import dev.pedigree.report.Report;
import dev.pedigree.report.ReportHtmlRenderer;
import dev.pedigree.report.ReportJson;
import dev.pedigree.report.ReportTableRenderer;
import dev.pedigree.report.SarifLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The output flags every reporting command shares: {@code --format} on stdout, {@code --cyclonedx} and
 * {@code --sarif} files, and {@code --fail-on} which turns chosen findings into exit code 1 for CI.
 */
public final class ReportOptions {
    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--cyclonedx", paramLabel = "FILE", description = "also write a CycloneDX 1.6 ML-BOM (JSON) to FILE")
    Path cyclonedx;

    @Option(names = "--sarif", paramLabel = "FILE", description = "also write the findings as SARIF 2.1.0 to FILE")
    Path sarif;

    @Option(names = "--fail-on", paramLabel = "KIND", split = ",", converter = FailOnConverter.class,
            description = "exit with code 1 when a finding of KIND is reported: link (any shared origin), any, undeclared, contradicted, "
                    + "metadata-only, set-member, weight-link, fingerprint-match, disagreement, unverified, confirmed, excluded")
    List<FailOn> failOn = new ArrayList<>();

    /** Prints {@code report} on {@code out} in the chosen format, writes the requested files, and returns the exit code. */
    int emit(Report report, PrintWriter out) {
        String rendered = switch (output.format) {
            case table -> ReportTableRenderer.render(report);
            case json -> ReportJson.render(report);
            case html -> ReportHtmlRenderer.render(report);
        };
        out.print(rendered);
        out.flush();
        return writeFiles(report);
    }

    /** Writes the requested CycloneDX and SARIF files and returns the exit code {@code --fail-on} asks for. */
    private int writeFiles(Report report) {
        if (cyclonedx != null) {
            write(cyclonedx, CycloneDxBom.render(report), "--cyclonedx");
        }
        if (sarif != null) {
            write(sarif, SarifLog.render(report), "--sarif");
        }
        return FailOn.anyMatch(report, failOn) ? ExitCode.FOUND : ExitCode.DONE;
    }

    /** Writes through a temporary file beside the target, so a reader never sees half a file. */
    private static void write(Path file, String text, String option) {
        Path target = file.toAbsolutePath();
        try {
            // not createTempFile: its owner-only permissions would stay on the report; this one gets the umask's
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BadInputException(option + " " + file + ": cannot write (" + e.getMessage() + ")");
        }
    }

    /** Turns a KIND token into a rule; an unknown token is a parameter error (exit code 2). */
    static final class FailOnConverter implements ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return FailOn.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
