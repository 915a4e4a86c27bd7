package dev.pedigree.model.digest;

import dev.pedigree.error.BadInputException;
import dev.pedigree.model.source.ModelSource;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * model is hashed with SHA-256; the files are sorted by relative path (component-wise); the model
 * digest is SHA-256 over the concatenation of the raw 32-byte file digests in that order. Paths are
 * not hashed (they order the list only). Which files count: see {@link ModelSource#files()}.
 *
 * <p>Files are memory-mapped and hashed in 64 MiB slices; several files are hashed in parallel, one
 * per core.
 */
public final class ModelDigester {
    private static final long SLICE = 64L << 20;
    private final FileDigestCache cache;

    /** @param cache the pedigree cache folder; per-file digests are kept under {@code digests/} */
    public ModelDigester(Path cache) {
        this.cache = new FileDigestCache(cache);
    }

    public ModelDigest digest(ModelSource source) {
        List<ModelSource.ModelFile> files = source.files();
        int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
        List<ModelDigest.FileDigest> digests = new ArrayList<>(files.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<ModelDigest.FileDigest>> futures = new ArrayList<>();
            for (ModelSource.ModelFile f : files) {
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
            throw new IllegalStateException("interrupted while hashing " + source.spec(), e);
        }
        MessageDigest root = sha256();
        for (ModelDigest.FileDigest d : digests) {
            root.update(HexFormat.of().parseHex(d.sha256()));
        }
        return new ModelDigest(HexFormat.of().formatHex(root.digest()), digests);
    }

    private ModelDigest.FileDigest fileDigest(ModelSource.ModelFile f) {
        try {
            FileDigestCache.FileKey key = FileDigestCache.FileKey.of(f.path());
            String hex = cache.get(key);
            if (hex == null) {
                hex = hashFile(f.path());
                cache.put(key, hex);
            }
            return new ModelDigest.FileDigest(f.relativePath(), key.size(), hex);
        } catch (IOException e) {
            throw new BadInputException(f.path() + ": cannot read for the digest: " + e.getMessage());
        }
    }

    /** Hex SHA-256 of a file's bytes, read through a memory mapping. */
    static String hashFile(Path file) throws IOException {
        MessageDigest md = sha256();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            long size = ch.size();
            if (size > 0) {
                MemorySegment all = ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
                for (long off = 0; off < size; off += SLICE) {
                    md.update(all.asSlice(off, Math.min(SLICE, size - off)).asByteBuffer());
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
