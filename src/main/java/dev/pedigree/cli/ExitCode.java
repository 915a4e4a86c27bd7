package dev.pedigree.cli;

/** Exit codes shared by every command, so CI can tell a finding from a failure. */
public final class ExitCode {
    public static final int DONE = 0;
    public static final int FOUND = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;

    private ExitCode() {
    }
}
