package dev.pedigree.cli;

import dev.pedigree.error.BadInputException;
import dev.pedigree.fingerprint.EntryComparison;
import dev.pedigree.fingerprint.Fingerprint;
import dev.pedigree.fingerprint.FingerprintDatabase;
import dev.pedigree.fingerprint.FingerprintExtractor;
import dev.pedigree.fingerprint.FingerprintScan;
import dev.pedigree.fingerprint.ModelNames;
import dev.pedigree.fingerprint.ScanResult;
import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import dev.pedigree.report.DeclaredLineageSummary;
import dev.pedigree.report.ScanReports;
import dev.pedigree.report.Subject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Search the fingerprint database for the models MODEL is built on: a fast pass over weight sketches and hashes, "
                + "then the independence test on the short list.")
final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions output = new ReportOptions();

    @Parameters(index = "0", paramLabel = "MODEL",
            description = "a model directory, a .safetensors/.gguf/.onnx file, hf:ORG/NAME or maven:GROUP:ARTIFACT:VERSION")
    String model;

    @Option(names = "--db", paramLabel = "DIR", description = "the database directory (default: the fingerprints/ shipped with pedigree)")
    Path db;

    @Option(names = "--top-k", defaultValue = "5", paramLabel = "K", description = "matches to report (default: ${DEFAULT-VALUE})")
    int topK;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (topK < 1) {
            throw new BadInputException("--top-k must be at least 1");
        }
        Path dir = db != null ? db : shippedDatabase();
        Map<String, Long> timing = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        FingerprintDatabase database = FingerprintDatabase.load(dir);
        timing.put("db_load", (System.nanoTime() - t0) / 1_000_000);
        database.warnings().forEach(w -> err.println("pedigree: warning: " + w));
        ModelOpener opener = new ModelOpener(new ModelLocator(SourceEnvironment.system(), err), FormatWiring.standard());
        long t1 = System.nanoTime();
        Fingerprint query;
        DeclaredLineageSummary declared;
        err.println("pedigree: fingerprinting " + model);
        err.flush();
        try (Model m = opener.open(model)) {
            query = new FingerprintExtractor(VersionProvider.toolVersion(), Clock.systemUTC()).extract(m, model, ModelNames.of(model), null, err);
            declared = DeclaredLineageSummary.of(m.declaredLineage());
        }
        timing.put("extract", (System.nanoTime() - t1) / 1_000_000);
        ScanResult r = new FingerprintScan(EntryComparison.withDefaults()).scan(query, database, topK, timing);
        timing.put("total", (System.nanoTime() - t0) / 1_000_000);
        r.warnings().stream().skip(database.warnings().size()).forEach(w -> err.println("pedigree: warning: " + w));
        Subject subject = new Subject(model, "model", r.query().format(), r.query().digest(), declared);
        return output.emit(ScanReports.report(r, subject, dir.toString()), out);
    }

    private static Path shippedDatabase() {
        String home = System.getProperty("pedigree.home");
        if (home == null) {
            throw new BadInputException("scan: no --db given and pedigree.home is not set (the ./pedigree launcher sets it)");
        }
        Path p = Path.of(home, "fingerprints");
        if (!Files.isDirectory(p)) {
            throw new BadInputException("scan: the shipped database " + p + " is missing; give --db DIR");
        }
        return p;
    }
}
