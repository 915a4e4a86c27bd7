package dev.pedigree.model.source;

import dev.pedigree.error.BadInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Resolves a MODEL argument: {@code hf:ORG/NAME[@REVISION]}, {@code maven:GROUP:ARTIFACT:VERSION},
 * or a path to a model directory or a single weight file. Bad arguments are refused with a
 * {@link BadInputException} naming the argument and the problem, before anything is written.
 */
public final class ModelLocator {
    private final SourceEnvironment environment;
    private final PrintWriter progress;

    /** @param progress where to say that a jar is being fetched (stderr) */
    public ModelLocator(SourceEnvironment environment, PrintWriter progress) {
        this.environment = environment;
        this.progress = progress;
    }

    public SourceEnvironment environment() {
        return environment;
    }

    public ModelSource resolve(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new BadInputException("empty MODEL argument");
        }
        if (spec.startsWith("hf:")) {
            Path snapshot = HfCacheLocation.snapshot(spec, spec.substring(3), environment.hfHubCache());
            return directory(spec, SourceKind.HF_CACHE, snapshot, snapshot.getParent().getParent());
        }
        if (spec.startsWith("maven:")) {
            MavenCoordinate coordinate = MavenCoordinate.parse(spec, spec.substring(6));
            Path jar = MavenJars.find(spec, coordinate, environment, progress);
            Path extracted = JarExtraction.extract(spec, jar, environment.pedigreeCache());
            return directory(spec, SourceKind.MAVEN, extracted, extracted);
        }
        int colon = spec.indexOf(':');
        if (colon > 1 && spec.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*") && !Files.exists(pathOf(spec))) {
            throw new BadInputException(spec + ": unknown MODEL scheme '" + spec.substring(0, colon)
                    + ":' (use a path, hf:ORG/NAME[@REVISION] or maven:GROUP:ARTIFACT:VERSION)");
        }
        Path path = pathOf(spec);
        if (Files.isDirectory(path)) {
            return directory(spec, SourceKind.DIRECTORY, path, path);
        }
        if (Files.isRegularFile(path)) {
            WeightFiles.Choice choice = WeightFiles.ofFile(path);
            Path folder = path.toAbsolutePath().getParent();
            return new ModelSource(spec, SourceKind.FILE, folder, folder, path, choice.format(), choice.reason(), null, true);
        }
        throw new BadInputException(spec + ": no such file or directory");
    }

    private static ModelSource directory(String spec, SourceKind kind, Path dir, Path boundary) {
        WeightFiles.Choice choice = WeightFiles.inDirectory(dir);
        ContainedPath.requireInside(boundary, choice.file(), spec);
        Path tokenizer = WeightFiles.tokenizer(dir);
        if (tokenizer != null) {
            ContainedPath.requireInside(boundary, tokenizer, spec);
        }
        return new ModelSource(spec, kind, dir, boundary, choice.file(), choice.format(), choice.reason(), tokenizer, false);
    }

    private static Path pathOf(String spec) {
        try {
            return Path.of(spec);
        } catch (InvalidPathException e) {
            throw new BadInputException(spec + ": not a valid path (" + e.getReason() + ")");
        }
    }
}
