package dev.pedigree.model.digest;

import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Computes a model's {@link ModelDigest} the way OpenSSF model signing (sigstore model-transparency,
 * file serialisation, SHA-256) computes the subject digest of its in-toto statement: each file of the
 * model is hashed with SHA-256; the files are taken in their sorted path order (the caller sorts them
 * component-wise, as Python sorts paths); the model digest is SHA-256 over the concatenation of the
 * raw 32-byte file digests in that order. Paths are not hashed: they only order the list. Several
 * files are hashed in parallel, one per core.
 */
public final class ModelDigester {
    /** One file of a model: its '/'-separated path relative to the model directory, and where it lies. */
    public record Entry(String path, Path file) {
    }

    private final FileDigests fileDigests;

    /** @param cache the pedigree cache folder; per-file digests are kept under {@code digests/} */
    public ModelDigester(Path cache) {
        this.fileDigests = new FileDigests(cache);
    }

    /** @param files the model's files, already in digest order */
    public ModelDigest digest(List<Entry> files) {
        int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
        List<ModelDigest.FileDigest> digests = new ArrayList<>(files.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<ModelDigest.FileDigest>> futures = new ArrayList<>();
            for (Entry f : files) {
                futures.add(pool.submit(() -> fileDigest(f)));
            }
            for (Future<ModelDigest.FileDigest> future : futures) {
                digests.add(future.get());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing a model", e);
        }
        MessageDigest root = FileDigests.newSha256();
        for (ModelDigest.FileDigest d : digests) {
            root.update(HexFormat.of().parseHex(d.sha256()));
        }
        return new ModelDigest(HexFormat.of().formatHex(root.digest()), digests);
    }

    private ModelDigest.FileDigest fileDigest(Entry f) {
        try {
            String hex = fileDigests.sha256(f.file());
            return new ModelDigest.FileDigest(f.path(), java.nio.file.Files.size(f.file()), hex);
        } catch (IOException e) {
            throw new BadInputException(f.file() + ": cannot read for the digest: " + e.getMessage());
        }
    }
}
