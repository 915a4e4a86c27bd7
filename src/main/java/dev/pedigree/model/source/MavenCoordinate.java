package dev.pedigree.model.source;

import dev.pedigree.error.BadInputException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** {@code GROUP:ARTIFACT:VERSION} of a jar, checked so that none of it can leave the repository folder. */
record MavenCoordinate(String group, String artifact, String version) {
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    static MavenCoordinate parse(String spec, String coordinate) {
        String[] parts = coordinate.split(":", -1);
        if (parts.length != 3) {
            throw new BadInputException(spec + ": expected maven:GROUP:ARTIFACT:VERSION");
        }
        for (String p : parts) {
            if (!PART.matcher(p).matches() || p.contains("..")) {
                throw new BadInputException(spec + ": bad coordinate part '" + p + "' (letters, digits, '.', '_' and '-' only)");
            }
        }
        return new MavenCoordinate(parts[0], parts[1], parts[2]);
    }

    /** Where Maven keeps the jar in a local repository. */
    Path jarIn(Path repository) {
        return repository.resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                .resolve(artifact + "-" + version + ".jar");
    }

    @Override
    public String toString() {
        return group + ":" + artifact + ":" + version;
    }
}
