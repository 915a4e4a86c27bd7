package dev.pedigree.cli;

import dev.pedigree.error.BadInputException;
import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import dev.pedigree.report.InspectJsonRenderer;
import dev.pedigree.report.InspectReport;
import dev.pedigree.report.InspectTableRenderer;
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
    OutputOptions output = new OutputOptions();

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
        print(spec.commandLine().getOut(), err, opener, model, output.format, !noDigest);
        return ExitCode.DONE;
    }

    /** Opens one model and prints its inspect report; shared with {@code demo}. */
    static void print(PrintWriter out, PrintWriter err, ModelOpener opener, String model, OutputOptions.Format format, boolean digest) {
        if (format == OutputOptions.Format.html) {
            throw new BadInputException("--format html: inspect prints table or json");
        }
        try (Model m = opener.open(model)) {
            if (digest) {
                err.println("pedigree: computing the content digest of " + model + " (cached after the first time)");
                err.flush();
            }
            InspectReport report = InspectReport.of(m, digest);
            out.print(format == OutputOptions.Format.json ? InspectJsonRenderer.render(report) + "\n" : InspectTableRenderer.render(report));
            out.flush();
        }
    }
}
