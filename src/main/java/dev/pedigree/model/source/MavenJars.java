package dev.pedigree.model.source;

import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds a jar in the local Maven repository, or has the user's own Maven fetch it
 * ({@code mvn -q dependency:get}), so their mirrors, proxies and checksum policy apply. No repository
 * address is known here: Maven's settings decide where it comes from.
 */
final class MavenJars {
    private MavenJars() {
    }

    static Path find(String spec, MavenCoordinate coordinate, SourceEnvironment environment, java.io.PrintWriter progress) {
        Path repository = environment.mavenRepository();
        Path jar = coordinate.jarIn(repository);
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        List<String> command = List.of(environment.mavenCommand(), "-q", "-B", "dependency:get",
                "-Dartifact=" + coordinate, "-Dtransitive=false", "-Dstyle.color=never", "-Dmaven.repo.local=" + repository);
        progress.println("pedigree: " + coordinate + " is not in " + repository + "; fetching it with " + String.join(" ", command));
        progress.flush();
        String output;
        int exit;
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    // Outside any project folder, so no pom.xml of the working directory takes part.
                    .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile()).start();
            process.getOutputStream().close();
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            exit = process.waitFor();
        } catch (IOException e) {
            throw new BadInputException(spec + ": not in " + repository + " and Maven could not be run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInputException(spec + ": interrupted while Maven fetched the jar");
        }
        if (exit != 0 || !Files.isRegularFile(jar)) {
            throw new BadInputException(spec + ": not in " + repository + " and Maven could not fetch it (exit " + exit + ")"
                    + lastLine(output));
        }
        return jar;
    }

    /** Maven's first error line (its cause), else its last line, without colour codes. */
    private static String lastLine(String output) {
        List<String> lines = output.replaceAll("\u001B\\[[0-9;]*m", "").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String pick = lines.stream().filter(l -> l.startsWith("[ERROR]")).findFirst().orElse(lines.isEmpty() ? "" : lines.getLast());
        return pick.isEmpty() ? "" : ": " + pick;
    }
}
