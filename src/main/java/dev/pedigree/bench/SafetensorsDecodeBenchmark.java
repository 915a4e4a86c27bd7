package dev.pedigree.bench;

import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.safetensors.SafetensorsReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Single-thread decode throughput of the safetensors reader for BF16 and F16, in GB/s of float32
 * output, on a generated file (one tensor per dtype) in a temporary directory. Reads go through
 * {@link StoredTensor#read} in chunks of 1 Mi elements into one reused buffer, as signals do.
 */
public final class SafetensorsDecodeBenchmark implements Benchmark {
    private static final int ELEMENTS = 32 << 20;
    private static final int CHUNK = 1 << 20;
    private static final int WARMUP = 3;
    private static final int RUNS = 7;

    @Override
    public String name() {
        return "decode-bf16";
    }

    @Override
    public String description() {
        return "safetensors BF16 and F16 decode, GB/s of float32 output, one thread";
    }

    @Override
    public void run(PrintWriter out) throws IOException {
        Path dir = Files.createTempDirectory("pedigree-bench");
        Path file = dir.resolve("decode.safetensors");
        try {
            write(file);
            try (TensorContainer c = new SafetensorsReader().open(file)) {
                float[] buffer = new float[CHUNK];
                // CPU time of this thread: the per-core figure, less disturbed by other load on the machine.
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                for (StoredTensor t : c.tensors()) {
                    double[] seconds = new double[RUNS];
                    double[] cpuSeconds = new double[RUNS];
                    for (int i = 0; i < WARMUP; i++) {
                        decodeAll(t, buffer);
                    }
                    double checksum = 0;
                    for (int i = 0; i < RUNS; i++) {
                        long cpuStart = threads.getCurrentThreadCpuTime();
                        long start = System.nanoTime();
                        checksum += decodeAll(t, buffer);
                        seconds[i] = (System.nanoTime() - start) / 1e9;
                        cpuSeconds[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                    }
                    Arrays.sort(seconds);
                    Arrays.sort(cpuSeconds);
                    double gb = 4.0 * t.elementCount() / 1e9;
                    out.printf("%-5s %,d elements: median %.2f GB/s of floats per CPU-second of the thread, %.2f GB/s wall"
                            + " (wall best %.2f, worst %.2f) [checksum %.3g]%n", t.dtype(), t.elementCount(),
                            gb / cpuSeconds[RUNS / 2], gb / seconds[RUNS / 2], gb / seconds[0], gb / seconds[RUNS - 1], checksum);
                }
            }
            out.printf("java %s, %s %s, %d cores%n", Runtime.version(), System.getProperty("os.name"),
                    System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** Decodes the whole tensor; the sum of the first element of each chunk keeps the work observable. */
    private static double decodeAll(StoredTensor t, float[] buffer) {
        double sum = 0;
        long n = t.elementCount();
        for (long first = 0; first < n; first += buffer.length) {
            int count = (int) Math.min(buffer.length, n - first);
            t.read(first, buffer, 0, count);
            sum += buffer[0] + buffer[count - 1];
        }
        return sum;
    }

    /** Two tensors of normally distributed values (seed 1): {@code bf16} then {@code f16}. */
    private static void write(Path file) throws IOException {
        long bytes = 2L * ELEMENTS;
        String header = "{\"bf16\":{\"dtype\":\"BF16\",\"shape\":[" + ELEMENTS + "],\"data_offsets\":[0," + bytes + "]},"
                + "\"f16\":{\"dtype\":\"F16\",\"shape\":[" + ELEMENTS + "],\"data_offsets\":[" + bytes + "," + 2 * bytes + "]}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(1);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, h.length));
            ch.write(ByteBuffer.wrap(h));
            ByteBuffer block = ByteBuffer.allocate(2 * CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            for (boolean bf16 : new boolean[] {true, false}) {
                for (int done = 0; done < ELEMENTS; done += CHUNK) {
                    block.clear();
                    for (int i = 0; i < CHUNK; i++) {
                        float v = (float) (random.nextDouble() * 2 - 1) * 3f;
                        block.putShort(bf16 ? (short) (Float.floatToRawIntBits(v) >>> 16) : Float.floatToFloat16(v));
                    }
                    block.flip();
                    while (block.hasRemaining()) {
                        ch.write(block);
                    }
                }
            }
        }
    }
}
