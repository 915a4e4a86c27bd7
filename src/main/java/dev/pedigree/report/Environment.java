package dev.pedigree.report;

/**
 * What produced a report: the tool version and the machine it ran on, so a result can be traced and
 * reproduced.
 *
 * @param toolVersion the jar's version, {@code dev} when run from classes
 * @param java        the JVM version
 * @param javaVendor  the JVM vendor
 * @param os          operating system name and version
 * @param arch        CPU architecture
 * @param processors  processors available to the JVM
 */
public record Environment(String toolVersion, String java, String javaVendor, String os, String arch, int processors) {

    /** The environment of this JVM. */
    public static Environment current() {
        return new Environment(currentToolVersion(), Runtime.version().toString(), System.getProperty("java.vendor"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
    }

    /** The version Maven writes into the jar manifest; {@code dev} when run from classes, not the jar. */
    public static String currentToolVersion() {
        String v = Environment.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
