package dev.pedigree.model.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings that decide where models are looked up and cached, read once from environment
 * variables and system properties so tests can pass their own.
 *
 * @param env        environment variables
 * @param properties system properties
 * @param home       the user's home directory
 */
public record SourceEnvironment(Map<String, String> env, Map<String, String> properties, Path home) {
    private static final Pattern LOCAL_REPOSITORY = Pattern.compile("<localRepository>\\s*([^<]+?)\\s*</localRepository>");

    public SourceEnvironment {
        env = Map.copyOf(env);
        properties = Map.copyOf(properties);
    }

    public static SourceEnvironment system() {
        Map<String, String> props = new HashMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            props.put(name, System.getProperty(name));
        }
        return new SourceEnvironment(System.getenv(), props, Path.of(System.getProperty("user.home")));
    }

    /** The Hugging Face hub cache: HF_HUB_CACHE, else HF_HOME/hub, else ~/.cache/huggingface/hub. */
    public Path hfHubCache() {
        String hubCache = nonBlank(env.get("HF_HUB_CACHE"));
        if (hubCache != null) {
            return Path.of(hubCache);
        }
        String hfHome = nonBlank(env.get("HF_HOME"));
        if (hfHome != null) {
            return Path.of(hfHome, "hub");
        }
        return home.resolve(".cache/huggingface/hub");
    }

    /**
     * The local Maven repository: {@code -Dmaven.repo.local}, else PEDIGREE_MAVEN_REPO, else M2_REPO,
     * else the {@code localRepository} of ~/.m2/settings.xml, else ~/.m2/repository.
     */
    public Path mavenRepository() {
        for (String candidate : new String[] {properties.get("maven.repo.local"), env.get("PEDIGREE_MAVEN_REPO"), env.get("M2_REPO")}) {
            if (nonBlank(candidate) != null) {
                return Path.of(candidate.strip());
            }
        }
        Path settings = home.resolve(".m2/settings.xml");
        if (Files.isRegularFile(settings)) {
            try {
                Matcher m = LOCAL_REPOSITORY.matcher(Files.readString(settings));
                if (m.find()) {
                    return Path.of(m.group(1).replace("${user.home}", home.toString()));
                }
            } catch (IOException | RuntimeException unreadable) {
                // An unreadable settings file leaves Maven's own default, as Maven itself would.
            }
        }
        return home.resolve(".m2/repository");
    }

    /** The pedigree cache: {@code -Dpedigree.cache}, else PEDIGREE_CACHE, else ~/.cache/pedigree. */
    public Path pedigreeCache() {
        String prop = nonBlank(properties.get("pedigree.cache"));
        if (prop != null) {
            return Path.of(prop);
        }
        String envCache = nonBlank(env.get("PEDIGREE_CACHE"));
        return envCache != null ? Path.of(envCache) : home.resolve(".cache/pedigree");
    }

    /** The Maven command used to fetch a missing jar: PEDIGREE_MVN (e.g. a wrapper), else {@code mvn}. */
    public String mavenCommand() {
        String cmd = nonBlank(env.get("PEDIGREE_MVN"));
        return cmd != null ? cmd : "mvn";
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
