package dev.pedigree.bench;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How many bytes of a file sit in the page cache, through Linux {@code mincore(2)} over a fresh
 * mapping (mapping does not fault pages in). On a file whose unwritten parts are holes, this counts
 * the pages someone has read since the file was written.
 */
final class PageResidency {
    private static final long PAGE = 4096;

    private PageResidency() {
    }

    /**
     * Drops the file's clean pages from the page cache ({@code posix_fadvise(POSIX_FADV_DONTNEED)}, no
     * privileges needed) so that the next read of it is cold; pages mapped by another process stay.
     */
    static void evict(Path file) throws IOException {
        Linker linker = Linker.nativeLinker();
        MethodHandle open = linker.downcallHandle(linker.defaultLookup().find("open").orElseThrow(() -> new IOException("no open(2)")),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
                Linker.Option.firstVariadicArg(2));
        MethodHandle fadvise = linker.downcallHandle(linker.defaultLookup().find("posix_fadvise").orElseThrow(() -> new IOException("no posix_fadvise")),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
        MethodHandle close = linker.downcallHandle(linker.defaultLookup().find("close").orElseThrow(() -> new IOException("no close(2)")),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) open.invokeExact(arena.allocateFrom(file.toString()), 0, 0);
            if (fd < 0) {
                throw new IOException("cannot open " + file + " to evict it from the page cache");
            }
            int rc = (int) fadvise.invokeExact(fd, 0L, 0L, 4);
            int closed = (int) close.invokeExact(fd);
            if (rc != 0 || closed != 0) {
                throw new IOException("posix_fadvise(DONTNEED) failed on " + file + " (" + rc + ")");
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("page-cache eviction failed: " + t, t);
        }
    }

    static long residentBytes(Path file) throws IOException {
        MethodHandle mincore = Linker.nativeLinker().downcallHandle(
                Linker.nativeLinker().defaultLookup().find("mincore").orElseThrow(() -> new IOException("no mincore on this system")),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            long size = ch.size();
            MemorySegment map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            long pages = (size + PAGE - 1) / PAGE;
            MemorySegment vec = arena.allocate(pages);
            int rc = (int) mincore.invokeExact(map, size, vec);
            if (rc != 0) {
                throw new IOException("mincore failed on " + file);
            }
            long resident = 0;
            for (long i = 0; i < pages; i++) {
                resident += vec.get(ValueLayout.JAVA_BYTE, i) & 1;
            }
            return resident * PAGE;
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("mincore call failed: " + t, t);
        }
    }
}
