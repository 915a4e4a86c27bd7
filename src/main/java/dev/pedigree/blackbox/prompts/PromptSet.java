package dev.pedigree.blackbox.prompts;

import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A prompt set as queries use it: its name (the file name without extension), its prompts in file
 * order, and the SHA-256 of the file's bytes, which keys the output cache and is recorded in reports.
 *
 * <p>The file holds one prompt per line in UTF-8 (LF or CRLF line ends; a leading byte-order mark is
 * skipped). Blank lines are skipped. Refused, with the line named: invalid UTF-8, NUL bytes, a
 * prompt that repeats an earlier one (two identical columns would count one prompt's evidence twice),
 * and a file with no prompt.
 */
public record PromptSet(String name, List<String> prompts, String sha256) {
    /** Larger files are refused before they are read: a million prompts of 60 bytes fit easily. */
    public static final long MAX_FILE_BYTES = 256L << 20;

    public PromptSet {
        prompts = List.copyOf(prompts);
    }

    public int size() {
        return prompts.size();
    }

    /**
     * The first {@code n} prompts (all when {@code n} is at least the size). The hash of a prefix is the
     * SHA-256 of its prompts written one per line, each ending in a newline, so cached answers of a
     * prefix are never confused with the whole set's.
     */
    public PromptSet first(int n) {
        if (n < 1) {
            throw new BadInputException("a prompt count must be at least 1, not " + n);
        }
        if (n >= prompts.size()) {
            return this;
        }
        List<String> head = prompts.subList(0, n);
        byte[] bytes = (String.join("\n", head) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new PromptSet(name + "[:" + n + "]", head, sha256(bytes));
    }

    /**
     * @throws BadInputException when the file cannot be read or breaks the rules above
     */
    public static PromptSet load(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new BadInputException(file + ": prompt file of " + size + " bytes is larger than the "
                        + MAX_FILE_BYTES + " allowed");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read prompt file: " + e.getMessage(), e);
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new BadInputException(file + ": NUL byte at offset " + i + "; a prompt file is UTF-8 text");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(file + ": not valid UTF-8 (" + e.getMessage() + ")", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> prompts = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String prompt = lines[i];
            if (prompt.isBlank()) {
                continue;
            }
            Integer earlier = firstLine.putIfAbsent(prompt, i + 1);
            if (earlier != null) {
                throw new BadInputException(file + ": line " + (i + 1) + " repeats the prompt of line " + earlier);
            }
            prompts.add(prompt);
        }
        if (prompts.isEmpty()) {
            throw new BadInputException(file + ": no prompts (expected one prompt per line)");
        }
        return new PromptSet(nameOf(file), prompts, sha256(bytes));
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
