package dev.pedigree.model.source;

import dev.pedigree.error.BadInputException;
import dev.pedigree.model.ModelFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A MODEL argument resolved to local files.
 *
 * @param spec          the argument as the user gave it
 * @param kind          how it was given
 * @param directory     the folder holding the model's files (for a single file: its folder)
 * @param boundary      the real folder every file and link of this model must stay inside
 * @param weights       the weight file a reader opens (a sharded checkpoint's index file)
 * @param format        the weight format
 * @param weightsChoice why this weight file was chosen, as printed by inspect
 * @param tokenizer     the tokenizer.json, or null when the model has none
 * @param singleFile    true when the model is one file and nothing else belongs to it
 */
public record ModelSource(
        String spec,
        SourceKind kind,
        Path directory,
        Path boundary,
        Path weights,
        ModelFormat format,
        String weightsChoice,
        Path tokenizer,
        boolean singleFile) {

    /** A file of the model: its path relative to {@link #directory()} ('/'-separated) and where it lies. */
    public record ModelFile(String relativePath, Path path) {
    }

    /** The folder's config.json, or null. */
    public Path configJson() {
        return singleFile ? null : regularFileOrNull(directory.resolve("config.json"));
    }

    /** A file of the model directory by name (README.md, adapter_config.json), or null. */
    public Path sibling(String name) {
        return singleFile ? null : regularFileOrNull(directory.resolve(name));
    }

    /**
     * Every file that makes up the model, sorted by relative path: the one weight file for a single
     * file; otherwise every regular file under the directory except version-control and tool caches
     * ({@code .git*}, {@code .cache}, {@code .huggingface}), as OpenSSF model signing serialises a model
     * directory. Links are followed only when they resolve inside {@link #boundary()}.
     */
    public List<ModelFile> files() {
        if (singleFile) {
            return List.of(new ModelFile(weights.getFileName().toString(), weights));
        }
        List<ModelFile> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path rel = directory.relativize(p);
                if (rel.toString().isEmpty() || ignored(rel)) {
                    continue;
                }
                ContainedPath.requireInside(boundary, p, spec);
                if (Files.isRegularFile(p)) {
                    out.add(new ModelFile(slashed(rel), p));
                }
            }
        } catch (IOException e) {
            throw new BadInputException(spec + ": cannot list the model's files: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new BadInputException(spec + ": cannot list the model's files: " + e.getCause().getMessage());
        }
        out.sort((a, b) -> ModelFilesOrder.compare(a.relativePath(), b.relativePath()));
        return out;
    }

    private static boolean ignored(Path rel) {
        for (Path part : rel) {
            String n = part.toString();
            if (n.startsWith(".git") || n.equals(".cache") || n.equals(".huggingface")) {
                return true;
            }
        }
        return false;
    }

    static String slashed(Path rel) {
        List<String> parts = new ArrayList<>();
        for (Path part : rel) {
            parts.add(part.toString());
        }
        return String.join("/", parts);
    }

    private static Path regularFileOrNull(Path p) {
        return Files.isRegularFile(p) ? p : null;
    }
}
