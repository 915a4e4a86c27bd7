package dev.pedigree.blackbox.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The word lists the prompt sources draw from: {@code words/<name>.txt} beside this class, one entry a line. */
final class WordList {
    private WordList() {
    }

    static List<String> of(String name) {
        String resource = "words/" + name + ".txt";
        try (InputStream in = WordList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("word list missing from the jar: " + resource);
            }
            List<String> words = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(w -> !w.isEmpty()).toList();
            if (words.isEmpty()) {
                throw new IllegalStateException("word list is empty: " + resource);
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + resource, e);
        }
    }
}
