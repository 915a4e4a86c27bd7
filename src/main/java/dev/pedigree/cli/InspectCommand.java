package dev.pedigree.cli;

import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import dev.pedigree.report.InspectReport;
import dev.pedigree.report.Report;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Show a model's format, architecture, parameters, dtypes, tensors by layer and role, "
        + "declared lineage and content digest.")
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions output = new ReportOptions();

    @Parameters(index = "0", paramLabel = "MODEL",
            description = "a model directory, a .safetensors/.gguf/.onnx file, hf:ORG/NAME[@REVISION] or maven:GROUP:ARTIFACT:VERSION")
    String model;

    @Option(names = "--no-digest", negatable = false,
            description = "skip the content digest (it reads every byte of the model once, then is cached)")
    boolean noDigest;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ModelOpener opener = new ModelOpener(new ModelLocator(SourceEnvironment.system(), err), FormatWiring.standard());
        return output.emit(report(err, opener, model, !noDigest), spec.commandLine().getOut());
    }

    /** Opens one model and builds its inspect report; shared with {@code demo}. */
    static Report report(PrintWriter err, ModelOpener opener, String model, boolean digest) {
        long t0 = System.nanoTime();
        try (Model m = opener.open(model)) {
            if (digest) {
                err.println("pedigree: computing the content digest of " + model + " (cached after the first time)");
                err.flush();
            }
            InspectReport r = InspectReport.of(m, digest);
            return r.toReport((System.nanoTime() - t0) / 1_000_000);
        }
    }
}
