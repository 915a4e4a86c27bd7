package dev.pedigree.blackbox.onnx;

import dev.pedigree.blackbox.TopTokens;
import java.util.Arrays;

/**
 * Turns one row of logits into log-probabilities (a numerically stable log-softmax) and keeps the
 * {@code k} most likely tokens, most likely first (ties: lower id first, so results are reproducible).
 */
final class TopTokenSelector {
    private TopTokenSelector() {
    }

    static TopTokens select(float[] logits, int offset, int vocabulary, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < vocabulary; v++) {
            max = Math.max(max, logits[offset + v]);
        }
        double sum = 0;
        for (int v = 0; v < vocabulary; v++) {
            sum += Math.exp(logits[offset + v] - max);
        }
        double logZ = max + Math.log(sum);
        int keep = Math.min(k, vocabulary);
        // a bounded min-heap of the best ids seen so far, ordered by (logit, -id)
        int[] heap = new int[keep];
        int size = 0;
        for (int v = 0; v < vocabulary; v++) {
            if (size < keep) {
                heap[size++] = v;
                siftUp(heap, size - 1, logits, offset);
            } else if (better(v, heap[0], logits, offset)) {
                heap[0] = v;
                siftDown(heap, size, logits, offset);
            }
        }
        Integer[] order = new Integer[keep];
        for (int i = 0; i < keep; i++) {
            order[i] = heap[i];
        }
        Arrays.sort(order, (a, b) -> better(a, b, logits, offset) ? -1 : better(b, a, logits, offset) ? 1 : 0);
        int[] ids = new int[keep];
        float[] logprobs = new float[keep];
        for (int i = 0; i < keep; i++) {
            ids[i] = order[i];
            logprobs[i] = (float) (logits[offset + order[i]] - logZ);
        }
        return new TopTokens(ids, logprobs, vocabulary);
    }

    /** Greedy choice: the most likely token, the lowest id among equals. */
    static int argmax(float[] logits, int offset, int vocabulary) {
        int best = 0;
        for (int v = 1; v < vocabulary; v++) {
            if (logits[offset + v] > logits[offset + best]) {
                best = v;
            }
        }
        return best;
    }

    private static boolean better(int a, int b, float[] logits, int offset) {
        float la = logits[offset + a];
        float lb = logits[offset + b];
        return la > lb || (la == lb && a < b);
    }

    private static void siftUp(int[] heap, int i, float[] logits, int offset) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(heap[parent], heap[i], logits, offset)) {
                return;
            }
            swap(heap, i, parent);
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int size, float[] logits, int offset) {
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            int right = left + 1;
            int worst = i;
            if (left < size && better(heap[worst], heap[left], logits, offset)) {
                worst = left;
            }
            if (right < size && better(heap[worst], heap[right], logits, offset)) {
                worst = right;
            }
            if (worst == i) {
                return;
            }
            swap(heap, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] heap, int i, int j) {
        int t = heap[i];
        heap[i] = heap[j];
        heap[j] = t;
    }
}
