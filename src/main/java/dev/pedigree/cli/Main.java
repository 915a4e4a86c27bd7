package dev.pedigree.cli;

import dev.pedigree.error.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pedigree} command: subcommands only, no logic. */
@Command(
        name = "pedigree",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Tells, with evidence and statistical guarantees, whether AI models share an origin.",
        subcommands = {
            CommandLine.HelpCommand.class,
            InspectCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            CompareCommand.class,
            PromptsCommand.class,
            BaselineCommand.class,
            SetCommand.class,
            ExperimentCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done, nothing found",
            "1:done, a link or finding matched --fail-on",
            "2:bad input (malformed model, bad argument)",
            "3:internal error"
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests call {@code execute} on it with their own writers. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof BadInputException) {
                line.getErr().println("pedigree: " + ex.getMessage());
                return ExitCode.BAD_INPUT;
            }
            line.getErr().println("pedigree: internal error: " + ex);
            ex.printStackTrace(line.getErr());
            return ExitCode.INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("pedigree: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return ExitCode.BAD_INPUT;
        });
        return cl;
    }
}
