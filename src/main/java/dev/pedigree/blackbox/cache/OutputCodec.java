package dev.pedigree.blackbox.cache;

import dev.pedigree.blackbox.Continuation;
import dev.pedigree.blackbox.TopTokens;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** How one model output is written to and read from a cache chunk. */
public interface OutputCodec<T> {
    void write(DataOutputStream out, T value) throws IOException;

    T read(DataInputStream in) throws IOException;

    /** Largest array a chunk may declare: a corrupt length must not allocate gigabytes. */
    int MAX_LENGTH = 1 << 26;

    static int length(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_LENGTH) {
            throw new IOException("corrupt cache chunk: array length " + n);
        }
        return n;
    }

    OutputCodec<float[]> FLOATS = new OutputCodec<>() {
        @Override
        public void write(DataOutputStream out, float[] value) throws IOException {
            out.writeInt(value.length);
            for (float f : value) {
                out.writeFloat(f);
            }
        }

        @Override
        public float[] read(DataInputStream in) throws IOException {
            float[] value = new float[length(in)];
            for (int i = 0; i < value.length; i++) {
                value[i] = in.readFloat();
            }
            return value;
        }
    };

    OutputCodec<TopTokens[]> STEPS = new OutputCodec<>() {
        @Override
        public void write(DataOutputStream out, TopTokens[] value) throws IOException {
            out.writeInt(value.length);
            for (TopTokens t : value) {
                out.writeInt(t.vocabularySize());
                out.writeInt(t.ids().length);
                for (int i = 0; i < t.ids().length; i++) {
                    out.writeInt(t.ids()[i]);
                    out.writeFloat(t.logprobs()[i]);
                }
            }
        }

        @Override
        public TopTokens[] read(DataInputStream in) throws IOException {
            TopTokens[] value = new TopTokens[length(in)];
            for (int s = 0; s < value.length; s++) {
                int vocabulary = in.readInt();
                int n = length(in);
                int[] ids = new int[n];
                float[] logprobs = new float[n];
                for (int i = 0; i < n; i++) {
                    ids[i] = in.readInt();
                    logprobs[i] = in.readFloat();
                }
                value[s] = new TopTokens(ids, logprobs, vocabulary);
            }
            return value;
        }
    };

    OutputCodec<Continuation> CONTINUATIONS = new OutputCodec<>() {
        @Override
        public void write(DataOutputStream out, Continuation value) throws IOException {
            out.writeInt(value.tokens().length);
            for (int t : value.tokens()) {
                out.writeInt(t);
            }
            byte[] text = value.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(text.length);
            out.write(text);
            STEPS.write(out, value.steps());
        }

        @Override
        public Continuation read(DataInputStream in) throws IOException {
            int[] tokens = new int[length(in)];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = in.readInt();
            }
            byte[] text = in.readNBytes(length(in));
            return new Continuation(tokens, new String(text, java.nio.charset.StandardCharsets.UTF_8), STEPS.read(in));
        }
    };
}
