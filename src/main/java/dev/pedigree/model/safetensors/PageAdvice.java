package dev.pedigree.model.safetensors;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Tells the kernel how a mapped file is read, through {@code madvise(2)}, so that reading a few rows
 * of a large checkpoint fetches those rows and not megabytes around them. A mapping is marked random
 * (no read-around on a page fault: with a read-ahead window of 8 MB, each scattered row would pull
 * 8 MB), and every read of more than one page first asks for exactly its pages ({@code WILLNEED}),
 * which the kernel fetches in large requests, so whole-tensor reads stay as fast as sequential ones.
 * Where {@code madvise} is missing both are no-ops: advice changes speed and bytes fetched, never values.
 */
final class PageAdvice {
    private static final int MADV_RANDOM = 1;
    private static final int MADV_WILLNEED = 3;
    /** WILLNEED requests are cut into pieces the kernel does not clip (it caps one request at the read-ahead window). */
    private static final long CHUNK = 2L << 20;
    private static final Optional<MethodHandle> MADVISE = lookup();
    private static final long PAGE = pageSize();

    private PageAdvice() {
    }

    /** Marks a whole mapping (page-aligned, as {@code FileChannel.map} returns it) as randomly accessed. */
    static void random(MemorySegment mapping) {
        advise(mapping.address(), mapping.byteSize(), MADV_RANDOM);
    }

    /**
     * Before a read: asks the kernel to fetch the pages under {@code [offset, offset + length)} of
     * {@code segment} in large requests, when that spans more than a page (one page is one fault anyway).
     */
    static void willNeed(MemorySegment segment, long offset, long length) {
        if (length > PAGE) {
            fetch(segment, offset, length);
        }
    }

    /** Asks the kernel to start fetching the pages under {@code [offset, offset + length)} of {@code segment}; returns at once. */
    static void fetch(MemorySegment segment, long offset, long length) {
        if (MADVISE.isEmpty()) {
            return;
        }
        long start = segment.address() + offset;
        long end = start + length;
        for (long at = start - Math.floorMod(start, PAGE); at < end; at += CHUNK) {
            advise(at, Math.min(CHUNK, end - at), MADV_WILLNEED);
        }
    }

    private static void advise(long address, long length, int advice) {
        if (MADVISE.isEmpty() || length <= 0) {
            return;
        }
        try {
            int ignored = (int) MADVISE.get().invokeExact(MemorySegment.ofAddress(address), length, advice);
        } catch (Throwable adviceRefused) {
            // Advice is a hint: a kernel that refuses it reads the same bytes, only with more read-ahead.
        }
    }

    private static Optional<MethodHandle> lookup() {
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find("madvise").map(f -> linker.downcallHandle(f,
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT)));
    }

    private static long pageSize() {
        Linker linker = Linker.nativeLinker();
        Optional<MemorySegment> f = linker.defaultLookup().find("getpagesize");
        if (f.isEmpty()) {
            return 4096;
        }
        try {
            return (int) linker.downcallHandle(f.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT)).invokeExact();
        } catch (Throwable unavailable) {
            return 4096;
        }
    }
}
