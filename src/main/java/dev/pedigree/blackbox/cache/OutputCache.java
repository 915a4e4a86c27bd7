package dev.pedigree.blackbox.cache;

import dev.pedigree.blackbox.ModelFilesDigest;
import dev.pedigree.blackbox.Progress;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Model outputs on disk, so that a repeated run asks no model anything and an interrupted run resumes.
 * An entry is named by a key (model digest, prompt-set hash, query and decoding settings — whatever
 * decides the answers); its outputs are stored in chunks of consecutive prompts, each chunk written to
 * a temporary file and moved into place atomically once complete. A crash leaves only whole chunks,
 * and a later run queries the missing ones. A chunk that cannot be read back is queried again.
 *
 * <p>Layout: {@code DIR/outputs/<sha256 of key>/key.txt} (the key, for people) and {@code chunk-<first>.bin}:
 * magic {@code PDGC}, format version, first prompt index, record count, then the records.
 */
public final class OutputCache {
    private static final int MAGIC = 0x50444743; // "PDGC"
    private static final int VERSION = 1;
    private final Path dir;
    private final int chunkSize;

    /** @param chunkSize prompts per chunk: what an interruption can cost, and the query batch */
    public OutputCache(Path dir, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, not " + chunkSize);
        }
        this.dir = dir;
        this.chunkSize = chunkSize;
    }

    /** The default cache folder: the pedigree cache ({@code -Dpedigree.cache}, PEDIGREE_CACHE, ~/.cache/pedigree). */
    public static Path defaultDir() {
        return dev.pedigree.model.source.SourceEnvironment.system().pedigreeCache();
    }

    /**
     * The outputs for items 0…count−1 under {@code key}: read from the chunks already on disk, the
     * missing chunks computed by {@code query} (given the index range [from, to)) and stored.
     */
    public <T> List<T> get(String key, int count, OutputCodec<T> codec, Function<Range, List<T>> query,
            Progress progress) {
        Path entry = dir.resolve("outputs").resolve(ModelFilesDigest.ofText(key + ";chunk=" + chunkSize));
        List<T> out = new ArrayList<>(count);
        try {
            Files.createDirectories(entry);
            Path keyFile = entry.resolve("key.txt");
            if (!Files.exists(keyFile)) {
                write(keyFile, (key + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (int from = 0; from < count; from += chunkSize) {
                Range range = new Range(from, Math.min(count, from + chunkSize));
                Path chunk = entry.resolve("chunk-" + from + ".bin");
                List<T> values = Files.exists(chunk) ? read(chunk, range, codec) : null;
                if (values == null) {
                    values = query.apply(range);
                    if (values.size() != range.size()) {
                        throw new IllegalStateException("query returned " + values.size() + " outputs for "
                                + range.size() + " prompts");
                    }
                    write(chunk, encode(range, values, codec));
                }
                out.addAll(values);
                progress.advance(range.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("output cache " + entry + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Prompt indices [from, to). */
    public record Range(int from, int to) {
        public int size() {
            return to - from;
        }
    }

    private static <T> byte[] encode(Range range, List<T> values, OutputCodec<T> codec) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(range.from());
            out.writeInt(values.size());
            for (T value : values) {
                codec.write(out, value);
            }
        }
        return bytes.toByteArray();
    }

    /** The chunk's records, or null when it is not a readable chunk of exactly this range. */
    private static <T> List<T> read(Path chunk, Range range, OutputCodec<T> codec) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(chunk)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || in.readInt() != range.from()
                    || in.readInt() != range.size()) {
                return null;
            }
            List<T> values = new ArrayList<>(range.size());
            for (int i = 0; i < range.size(); i++) {
                values.add(codec.read(in));
            }
            return in.read() == -1 ? values : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
