package dev.pedigree.fingerprint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * {@code index.bin} beside {@code entries/}: what the first scan pass needs of every entry (identity,
 * hashes, sketch, the entry's own {@code entry_hash}) with the file facts it was taken from
 * ({@link EntryStat}), so a load reads one file instead of parsing every entry. It is a cache of the
 * entries, never the truth: an entry whose file facts differ, or that was too young to trust them when
 * indexed, is read and checked in full again; the short list's entries are always read in full and
 * must still carry the indexed {@code entry_hash}; an index that fails any check is rebuilt.
 *
 * <p>Layout, little-endian: the magic {@code PDGFPIDX}, the index format, the fingerprint schema of
 * the pedigree that wrote it, the row count, the rows, then the CRC-32C of everything before it (a
 * check against torn writes and bit rot, computed in hardware at memory speed; it is no defence
 * against deliberate edits, and nothing in an index needs one: whatever it says, the short list's
 * entries are checked against their own SHA-256 before anything is reported). A
 * row: file name, size, modification and status-change times (ns), inode, a settled flag, then
 * {@code entry_hash}, the eight {@link ModelIdentity} fields, arch/family/tokenizer hashes, vocabulary
 * digest (strings as a byte length, -1 for null, and UTF-8) and the sketch (a float count, -1 for
 * none, and the floats).
 */
final class DatabaseIndex {
    static final String FILE = "index.bin";
    static final int FORMAT = 1;
    private static final byte[] MAGIC = "PDGFPIDX".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 12;
    private static final int HASH = 4;
    /** An index of a million entries is about 2 GB; refuse anything larger before mapping it. */
    private static final long MAX_BYTES = 1L << 31;
    /** The smallest row: a one-byte name, the file facts, 13 null strings and no sketch. */
    private static final int MIN_ROW = 5 + 8 * 4 + 1 + 13 * 4 + 4;
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private DatabaseIndex() {
    }

    /**
     * One indexed entry.
     *
     * @param settled whether the file facts were old enough to trust when it was indexed ({@link EntryStat#settledAt})
     */
    record Row(EntryStat stat, boolean settled, IndexEntry entry) {
    }

    /**
     * What reading the index found.
     *
     * @param rows    by file name; empty when there is no usable index
     * @param problem why an index that is there cannot be used (one line), or null; an index of another
     *                format or schema is not a problem, just not usable by this pedigree
     */
    record Contents(Map<String, Row> rows, String problem) {
        static final Contents NONE = new Contents(Map.of(), null);
    }

    /** The index of the database at {@code root}, whose entries are in {@code entries}. */
    static Contents read(Path root, Path entries) {
        Path file = root.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Contents.NONE;
        }
        try (Arena arena = Arena.ofConfined(); FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > MAX_BYTES) {
                return new Contents(Map.of(), "index is " + size + " bytes, more than the " + MAX_BYTES + " allowed");
            }
            if (size < HEADER + HASH) {
                return new Contents(Map.of(), "index is " + size + " bytes, shorter than its header (truncated?)");
            }
            MemorySegment seg = ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            if (MemorySegment.mismatch(seg, 0, MAGIC.length, MemorySegment.ofArray(MAGIC), 0, MAGIC.length) != -1) {
                return new Contents(Map.of(), "not a pedigree fingerprint index (wrong magic bytes)");
            }
            int format = seg.get(I32, MAGIC.length);
            int schema = seg.get(I32, MAGIC.length + 4);
            if (format != FORMAT || schema != Fingerprint.SCHEMA_VERSION) {
                return Contents.NONE;
            }
            CRC32C crc = new CRC32C();
            crc.update(seg.asSlice(0, size - HASH).asByteBuffer());
            if ((int) crc.getValue() != seg.get(I32, size - HASH)) {
                return new Contents(Map.of(), "index checksum mismatch (edited, truncated or corrupted)");
            }
            return new Contents(rows(new Cursor(seg, HEADER - 4, size - HASH), entries), null);
        } catch (IOException e) {
            return new Contents(Map.of(), "cannot read the index: " + e.getMessage());
        } catch (BadIndex e) {
            return new Contents(Map.of(), e.getMessage());
        }
    }

    private static Map<String, Row> rows(Cursor c, Path entries) throws BadIndex {
        int count = c.i32();
        if (count < 0 || count > c.remaining() / MIN_ROW) {
            throw new BadIndex("index claims " + count + " rows, more than its " + c.remaining() + " bytes can hold");
        }
        Map<String, Row> rows = new HashMap<>(2 * count);
        for (int i = 0; i < count; i++) {
            String name = c.str();
            if (name == null || name.isEmpty() || name.contains("/") || name.contains("\\")) {
                throw new BadIndex("index row " + i + " has no valid file name");
            }
            EntryStat stat = new EntryStat(name, c.i64(), c.i64(), c.i64(), c.i64());
            boolean settled = c.u8() != 0;
            String entryHash = c.str();
            ModelIdentity model = new ModelIdentity(c.str(), c.str(), c.str(), c.str(), c.str(), c.str(), c.str(), c.str());
            IndexEntry e = new IndexEntry(entries.resolve(name), entryHash, model, c.str(), c.str(), c.str(), c.str(), c.floats());
            rows.put(name, new Row(stat, settled, e));
        }
        if (c.remaining() != 0) {
            throw new BadIndex("index has " + c.remaining() + " bytes after its last row");
        }
        return rows;
    }

    /**
     * Writes the index atomically (a temporary file in {@code root} moved over the old one). It is not
     * forced to disk: a torn index fails its hash check at the next load and is rebuilt.
     */
    static void write(Path root, List<Row> rows) throws IOException {
        Out out = new Out();
        out.bytes.write(MAGIC);
        out.i32(FORMAT);
        out.i32(Fingerprint.SCHEMA_VERSION);
        out.i32(rows.size());
        for (Row r : rows) {
            EntryStat s = r.stat();
            IndexEntry e = r.entry();
            ModelIdentity m = e.model();
            out.str(s.name());
            out.i64(s.size());
            out.i64(s.modifiedNs());
            out.i64(s.changedNs());
            out.i64(s.inode());
            out.bytes.write(r.settled() ? 1 : 0);
            for (String v : new String[] {e.entryHash(), m.key(), m.digest(), m.name(), m.source(), m.family(), m.format(), m.kind(),
                    m.origin(), e.archHash(), e.familyHash(), e.tokenizerHash(), e.vocabDigest()}) {
                out.str(v);
            }
            out.floats(e.sketch());
        }
        CRC32C crc = new CRC32C();
        byte[] body = out.bytes.toByteArray();
        crc.update(body);
        Out trailer = new Out();
        trailer.i32((int) crc.getValue());
        byte[] hash = trailer.bytes.toByteArray();
        Path tmp = Files.createTempFile(root, "." + FILE, ".tmp");
        try {
            // Temporary files are created owner-only; the index is shared like the entries.
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                for (java.nio.ByteBuffer b : new java.nio.ByteBuffer[] {java.nio.ByteBuffer.wrap(body), java.nio.ByteBuffer.wrap(hash)}) {
                    while (b.hasRemaining()) {
                        ch.write(b);
                    }
                }
            }
            Files.move(tmp, root.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A problem in the index's bytes, as one line. */
    private static final class BadIndex extends Exception {
        BadIndex(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads the rows, checking every length against the bytes left before it allocates or reads. */
    private static final class Cursor {
        private final MemorySegment seg;
        private final long end;
        private long pos;

        Cursor(MemorySegment seg, long pos, long end) {
            this.seg = seg;
            this.pos = pos;
            this.end = end;
        }

        long remaining() {
            return end - pos;
        }

        private void need(long n) throws BadIndex {
            if (n > remaining()) {
                throw new BadIndex("index truncated: " + n + " bytes needed at offset " + pos + ", " + remaining() + " left");
            }
        }

        int u8() throws BadIndex {
            need(1);
            return seg.get(ValueLayout.JAVA_BYTE, pos++) & 0xff;
        }

        int i32() throws BadIndex {
            need(4);
            int v = seg.get(I32, pos);
            pos += 4;
            return v;
        }

        long i64() throws BadIndex {
            need(8);
            long v = seg.get(I64, pos);
            pos += 8;
            return v;
        }

        String str() throws BadIndex {
            int n = i32();
            if (n == -1) {
                return null;
            }
            if (n < 0) {
                throw new BadIndex("index has a string of negative length " + n + " at offset " + (pos - 4));
            }
            need(n);
            String s = new String(seg.asSlice(pos, n).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        float[] floats() throws BadIndex {
            int n = i32();
            if (n == -1) {
                return null;
            }
            if (n < 0) {
                throw new BadIndex("index has a float array of negative length " + n + " at offset " + (pos - 4));
            }
            need(4L * n);
            float[] v = new float[n];
            MemorySegment.copy(seg, F32, pos, v, 0, n);
            pos += 4L * n;
            return v;
        }
    }

    /** Little-endian writes into a growing byte array. */
    private static final class Out {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);

        void i32(int v) {
            for (int i = 0; i < 4; i++) {
                bytes.write(v >>> 8 * i);
            }
        }

        void i64(long v) {
            for (int i = 0; i < 8; i++) {
                bytes.write((int) (v >>> 8 * i));
            }
        }

        void str(String s) {
            if (s == null) {
                i32(-1);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            i32(b.length);
            bytes.writeBytes(b);
        }

        void floats(float[] v) {
            if (v == null) {
                i32(-1);
                return;
            }
            i32(v.length);
            for (float f : v) {
                i32(Float.floatToRawIntBits(f));
            }
        }
    }
}
