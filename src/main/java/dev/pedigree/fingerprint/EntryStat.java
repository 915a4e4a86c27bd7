package dev.pedigree.fingerprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the file system says about an entry file, to tell whether it changed since it was indexed:
 * size, modification and status-change times (the latter cannot be set back by a user, so an edit
 * that restores the modification time still shows) and the inode (an atomic replace makes a new one).
 *
 * @param changedNs 0 and {@code inode} 0 where the file system has no POSIX attributes
 */
record EntryStat(String name, long size, long modifiedNs, long changedNs, long inode) {
    /**
     * How long after its last change an entry's times are trusted. File times tick coarsely (a few ms
     * on Linux, 1-2 s on some file systems), so an entry edited within the same tick as it was
     * indexed can show the same times; an entry younger than this when indexed is checked in full
     * again at the next load, as git does with "racily clean" files.
     */
    static final long SETTLE_NS = TimeUnit.SECONDS.toNanos(2);

    static EntryStat of(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (file.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino");
            return new EntryStat(name, (Long) a.get("size"), nanos((FileTime) a.get("lastModifiedTime")), nanos((FileTime) a.get("ctime")),
                    (Long) a.get("ino"));
        }
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new EntryStat(name, a.size(), nanos(a.lastModifiedTime()), 0, 0);
    }

    /** Whether the entry had been left alone for {@link #SETTLE_NS} at {@code nowNs} (nanoseconds since the epoch). */
    boolean settledAt(long nowNs) {
        return nowNs - Math.max(modifiedNs, changedNs) > SETTLE_NS;
    }

    private static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS);
    }
}
