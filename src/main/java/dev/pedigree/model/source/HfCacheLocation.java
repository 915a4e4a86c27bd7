package dev.pedigree.model.source;

import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Finds {@code hf:ORG/NAME[@REVISION]} in the local Hugging Face hub cache:
 * {@code models--ORG--NAME/refs/<revision or main>} holds a commit hash naming
 * {@code snapshots/<commit>/}, whose files are links into {@code blobs/}. A revision that is itself a
 * 40-hex commit names its snapshot directly. Every link must resolve inside the model's cache folder.
 */
final class HfCacheLocation {
    private static final Pattern REPO_PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    private HfCacheLocation() {
    }

    /** The snapshot folder of {@code reference} (the text after {@code hf:}). */
    static Path snapshot(String spec, String reference, Path hubCache) {
        String repo = reference;
        String revision = "main";
        int at = reference.indexOf('@');
        if (at >= 0) {
            repo = reference.substring(0, at);
            revision = reference.substring(at + 1);
        }
        String[] parts = repo.split("/", -1);
        if (parts.length > 2 || !validParts(parts)) {
            throw new BadInputException(spec + ": expected hf:ORG/NAME[@REVISION] with names of letters, digits, '.', '_' or '-'");
        }
        if (!REVISION.matcher(revision).matches() || revision.contains("..")) {
            throw new BadInputException(spec + ": bad revision '" + revision + "'");
        }
        Path modelFolder = hubCache.resolve("models--" + String.join("--", parts));
        if (!Files.isDirectory(modelFolder)) {
            throw new BadInputException(spec + ": not in the Hugging Face cache (no " + modelFolder + ")");
        }
        String commit = COMMIT.matcher(revision).matches() ? revision : readRef(spec, modelFolder, revision);
        Path snapshot = modelFolder.resolve("snapshots").resolve(commit);
        if (!Files.isDirectory(snapshot)) {
            throw new BadInputException(spec + ": revision " + revision + " (commit " + commit + ") has no snapshot in " + modelFolder);
        }
        ContainedPath.requireInside(modelFolder, snapshot, spec);
        return snapshot;
    }

    private static boolean validParts(String[] parts) {
        for (String p : parts) {
            if (!REPO_PART.matcher(p).matches() || p.contains("..") || p.contains("--")) {
                return false;
            }
        }
        return true;
    }

    private static String readRef(String spec, Path modelFolder, String revision) {
        Path refs = modelFolder.resolve("refs");
        Path ref = refs.resolve(revision);
        if (!Files.isRegularFile(ref)) {
            throw new BadInputException(spec + ": no ref " + revision + " in " + refs);
        }
        ContainedPath.requireInside(modelFolder, ref, spec);
        String commit;
        try {
            commit = Files.readString(ref).strip();
        } catch (IOException e) {
            throw new BadInputException(spec + ": cannot read " + ref + ": " + e.getMessage());
        }
        if (!COMMIT.matcher(commit).matches()) {
            throw new BadInputException(spec + ": " + ref + " does not hold a 40-hex commit hash");
        }
        return commit;
    }
}
