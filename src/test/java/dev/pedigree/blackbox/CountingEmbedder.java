package dev.pedigree.blackbox;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps an embedder and counts the texts it was asked to embed (how tests see cache hits). */
final class CountingEmbedder implements TextEmbedder {
    private final TextEmbedder inner;
    final AtomicInteger texts = new AtomicInteger();
    private final int failAfter;

    /** @param failAfter throw once this many texts were embedded (a simulated interruption); −1: never */
    CountingEmbedder(TextEmbedder inner, int failAfter) {
        this.inner = inner;
        this.failAfter = failAfter;
    }

    @Override
    public float[][] embed(List<String> batch) {
        if (failAfter >= 0 && texts.get() + batch.size() > failAfter) {
            throw new IllegalStateException("simulated interruption after " + texts.get() + " texts");
        }
        texts.addAndGet(batch.size());
        return inner.embed(batch);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String digest() {
        return inner.digest();
    }

    @Override
    public void close() {
        inner.close();
    }
}
