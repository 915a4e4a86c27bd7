package dev.pedigree.cli;

import dev.pedigree.blackbox.prompts.PromptSet;
import dev.pedigree.blackbox.prompts.PromptSetGenerator;
import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "prompts", description = "Make, list and check prompt sets for black-box queries.",
        subcommands = {PromptsCommand.Generate.class, PromptsCommand.ListSets.class, PromptsCommand.Check.class})
final class PromptsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "generate", description = "Write a generated prompt set, one prompt per line (UTF-8).")
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--set", required = true, description = "set name (see prompts list)")
        String set;

        @Option(names = "--out", required = true, description = "file to write")
        Path out;

        @Option(names = "--seed", required = true, description = "random seed")
        long seed;

        @Option(names = "--count", defaultValue = "3000", description = "number of distinct prompts (default: ${DEFAULT-VALUE})")
        int count;

        @Override
        public Integer call() {
            List<String> prompts = PromptSetGenerator.generate(set, count, seed);
            byte[] bytes = PromptSetGenerator.toBytes(prompts);
            Path target = out.toAbsolutePath();
            try {
                Files.createDirectories(target.getParent());
                // write beside the target and move, so an interrupted run never leaves half a set
                Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
                Files.write(partial, bytes);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new BadInputException(out + ": cannot write prompt set: " + e.getMessage(), e);
            }
            spec.commandLine().getOut().printf("%s: %d prompts, seed %d, sha256 %s -> %s%n",
                    set, prompts.size(), seed, PromptSet.sha256(bytes), out);
            return ExitCode.DONE;
        }
    }

    @Command(name = "list", description = "List the sets the generator makes.")
    static final class ListSets implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (String name : PromptSetGenerator.names()) {
                out.printf("%-16s %s%n", name, PromptSetGenerator.description(name));
            }
            return ExitCode.DONE;
        }
    }

    @Command(name = "check", description = "Load a prompt file as set --prompts would, and print its size and SHA-256.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            PromptSet set = PromptSet.load(file);
            spec.commandLine().getOut().printf("%s: %d prompts, sha256 %s%n", set.name(), set.size(), set.sha256());
            return ExitCode.DONE;
        }
    }
}
