package dev.pedigree.bench;

import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.gguf.GgmlType;
import dev.pedigree.model.gguf.GgufFile;
import dev.pedigree.model.gguf.GgufReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Single-thread GGUF de-quantisation throughput, in GB/s of output floats (4 bytes per decoded value)
 * per second of the thread's CPU time (the per-core figure) and per second of wall-clock time,
 * through the real read path: a generated GGUF file in the temp directory, mapped by
 * {@link GgufReader}, each tensor read front to back in 1M-value chunks. Blocks hold random bits with
 * their fp16 scales set to a normal value, so no subnormal arithmetic skews the figures.
 */
public final class GgufDecodeBenchmark implements Benchmark {
    private static final long ROWS = 4096;
    private static final long COLS = 4096;
    private static final int CHUNK = 1 << 20;
    private static final int WARMUP_PASSES = 3;
    private static final int TIMED_PASSES = 10;
    private static final long SEED = 42;
    /** Thread CPU time makes the per-core figure robust to other processes sharing the machine. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final List<GgmlType> TYPES = List.of(GgmlType.Q4_K, GgmlType.Q8_0, GgmlType.Q6_K, GgmlType.BF16);
    /** Byte offsets of the fp16 scale fields in each block. */
    private static final Map<GgmlType, int[]> SCALE_FIELDS = Map.of(
            GgmlType.Q4_K, new int[] {0, 2},
            GgmlType.Q8_0, new int[] {0},
            GgmlType.Q6_K, new int[] {208});

    @Override
    public String name() {
        return "decode-gguf";
    }

    @Override
    public String description() {
        return "single-thread GGUF decode throughput of Q4_K, Q8_0, Q6_K and BF16 (GB/s of output floats)";
    }

    @Override
    public void run(PrintWriter out) throws Exception {
        Path file = Files.createTempFile("pedigree-decode-gguf", ".gguf");
        try {
            write(file);
            out.printf("%d x %d values per tensor, %d warm-up and %d timed passes, %s, %d cores%n", ROWS, COLS,
                    WARMUP_PASSES, TIMED_PASSES, Runtime.version(), Runtime.getRuntime().availableProcessors());
            try (GgufFile gguf = new GgufReader().open(file)) {
                float[] dst = new float[CHUNK];
                for (StoredTensor t : gguf.tensors()) {
                    for (int i = 0; i < WARMUP_PASSES; i++) {
                        pass(t, dst);
                    }
                    double bestWall = Double.MAX_VALUE;
                    double bestCpu = Double.MAX_VALUE;
                    for (int i = 0; i < TIMED_PASSES; i++) {
                        long cpuStart = CPU.getCurrentThreadCpuTime();
                        long start = System.nanoTime();
                        pass(t, dst);
                        bestWall = Math.min(bestWall, (System.nanoTime() - start) / 1e9);
                        bestCpu = Math.min(bestCpu, (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9);
                    }
                    double outBytes = t.elementCount() * 4.0;
                    out.printf("%-5s %6.2f GB/s per CPU-second, %6.2f GB/s wall-clock (best of %d; %.1f MB stored -> %.1f MB floats)%n",
                            t.dtype(), outBytes / bestCpu / 1e9, outBytes / bestWall / 1e9, TIMED_PASSES,
                            t.byteSize() / 1e6, outBytes / 1e6);
                    out.flush();
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void pass(StoredTensor t, float[] dst) {
        long n = t.elementCount();
        for (long first = 0; first < n; first += CHUNK) {
            t.read(first, dst, 0, (int) Math.min(CHUNK, n - first));
        }
    }

    /** A GGUF v3 file with one tensor per benchmarked type and no key-values. */
    private static void write(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer header = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
            header.put("GGUF".getBytes(StandardCharsets.US_ASCII)).putInt(3).putLong(TYPES.size()).putLong(0);
            long offset = 0;
            for (GgmlType type : TYPES) {
                byte[] name = ("bench." + type.name().toLowerCase(java.util.Locale.ROOT)).getBytes(StandardCharsets.UTF_8);
                header.putLong(name.length).put(name).putInt(2).putLong(COLS).putLong(ROWS).putInt(type.id()).putLong(offset);
                offset += align(bytes(type));
            }
            while (header.position() % 32 != 0) {
                header.put((byte) 0);
            }
            out.write(header.array(), 0, header.position());
            for (GgmlType type : TYPES) {
                byte[] data = new byte[(int) align(bytes(type))];
                fill(type, data, random);
                out.write(data);
            }
        }
    }

    private static void fill(GgmlType type, byte[] data, SplittableRandom random) {
        ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if (type == GgmlType.BF16) {
            for (int i = 0; i + 1 < data.length; i += 2) {
                buf.putShort(i, (short) (Float.floatToIntBits((float) (random.nextDouble() - 0.5) * 0.1f) >>> 16));
            }
            return;
        }
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) random.nextInt(256);
        }
        short scale = Float.floatToFloat16(0.01f);
        for (int block = 0; block + type.blockBytes() <= data.length; block += type.blockBytes()) {
            for (int at : SCALE_FIELDS.get(type)) {
                buf.putShort(block + at, scale);
            }
        }
    }

    private static long bytes(GgmlType type) {
        return ROWS * COLS / type.blockSize() * type.blockBytes();
    }

    private static long align(long n) {
        return (n + 31) / 32 * 32;
    }
}
