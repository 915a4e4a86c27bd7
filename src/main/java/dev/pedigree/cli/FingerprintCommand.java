package dev.pedigree.cli;

import dev.pedigree.error.BadInputException;
import dev.pedigree.fingerprint.Fingerprint;
import dev.pedigree.fingerprint.FingerprintDatabase;
import dev.pedigree.fingerprint.FingerprintExtractor;
import dev.pedigree.fingerprint.ModelNames;
import dev.pedigree.fingerprint.MpkCatalogueImport;
import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "fingerprint", mixinStandardHelpOptions = true,
        description = "Add or update fingerprint entries (keyed by model digest) in a database directory; "
                + "--from-mpk imports MPK's catalogue as metadata-and-tokenizer-only entries.")
final class FingerprintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", arity = "0..*",
            description = "models to fingerprint: a directory, a .safetensors/.gguf/.onnx file, hf:ORG/NAME or maven:GROUP:ARTIFACT:VERSION")
    List<String> models = new ArrayList<>();

    @Option(names = "--db", required = true, paramLabel = "DIR", description = "the database directory (created if absent)")
    Path db;

    @Option(names = "--family", paramLabel = "LABEL", description = "family label recorded with every MODEL given")
    String family;

    @Option(names = "--name", paramLabel = "NAME", description = "display name (only with one MODEL; default: from the MODEL string)")
    String name;

    @Option(names = "--from-mpk", paramLabel = "DIR", description = "MPK's database directory (with features/ and catalog/) to import")
    Path fromMpk;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (models.isEmpty() && fromMpk == null) {
            throw new BadInputException("fingerprint: give at least one MODEL or --from-mpk DIR");
        }
        if (name != null && models.size() != 1) {
            throw new BadInputException("fingerprint: --name needs exactly one MODEL");
        }
        String version = VersionProvider.toolVersion();
        if (fromMpk != null) {
            List<Fingerprint> imported = MpkCatalogueImport.read(fromMpk, version);
            imported.forEach(f -> FingerprintDatabase.put(db, f));
            out.println("imported " + imported.size() + " MPK catalogue entries (metadata-only) into " + db);
        }
        ModelOpener opener = new ModelOpener(new ModelLocator(SourceEnvironment.system(), err), FormatWiring.standard());
        FingerprintExtractor extractor = new FingerprintExtractor(version, Clock.systemUTC());
        for (String spec : models) {
            long t0 = System.nanoTime();
            err.println("pedigree: fingerprinting " + spec);
            err.flush();
            try (Model m = opener.open(spec)) {
                Fingerprint f = extractor.extract(m, spec, name != null ? name : ModelNames.of(spec), family, err);
                Path file = FingerprintDatabase.put(db, f);
                out.printf("%s  %s  %s (%d ms)%n", f.model().digest(), f.model().name(), file,
                        (System.nanoTime() - t0) / 1_000_000);
                out.flush();
            }
        }
        return ExitCode.DONE;
    }
}
