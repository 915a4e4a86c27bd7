package dev.pedigree.cli;

import dev.pedigree.report.Environment;
import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (Maven writes it), with the JVM it runs on. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "pedigree " + toolVersion(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }

    /** The tool version recorded in every report; "dev" when run from classes, not the jar. */
    public static String toolVersion() {
        return Environment.currentToolVersion();
    }
}
