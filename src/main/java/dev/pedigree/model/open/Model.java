package dev.pedigree.model.open;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.ModelFormat;
import dev.pedigree.model.TensorStore;
import dev.pedigree.model.digest.ModelDigest;
import dev.pedigree.model.lineage.DeclaredLineage;
import dev.pedigree.model.source.ModelSource;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * An opened model: where it came from, its architecture, its tensors, its declared lineage, and its
 * content digest (computed on first call: hashing reads every byte of every file). Closing it
 * releases the memory mappings.
 */
public final class Model implements AutoCloseable {
    private final ModelSource source;
    private final ArchitectureSpec architecture;
    private final TensorStore store;
    private final DeclaredLineage declaredLineage;
    private final Supplier<ModelDigest> digester;
    private ModelDigest digest;

    Model(ModelSource source, ArchitectureSpec architecture, TensorStore store, DeclaredLineage declaredLineage,
            Supplier<ModelDigest> digester) {
        this.source = source;
        this.architecture = architecture;
        this.store = store;
        this.declaredLineage = declaredLineage;
        this.digester = digester;
    }

    public ModelSource source() {
        return source;
    }

    public ModelFormat format() {
        return source.format();
    }

    public ArchitectureSpec architecture() {
        return architecture;
    }

    public TensorStore store() {
        return store;
    }

    /** The tokenizer.json beside the weights, or null. */
    public Path tokenizer() {
        return source.tokenizer();
    }

    public DeclaredLineage declaredLineage() {
        return declaredLineage;
    }

    public synchronized ModelDigest digest() {
        if (digest == null) {
            digest = digester.get();
        }
        return digest;
    }

    /**
     * Format, declared lineage and, when asked, the content digest (which hashes every file, or reads the
     * digest cache).
     */
    public ModelDescription describe(boolean withDigest) {
        return new ModelDescription(source.spec(), source.format().label(), withDigest ? digest().sha256() : null, declaredLineage);
    }

    @Override
    public void close() {
        store.close();
    }
}
