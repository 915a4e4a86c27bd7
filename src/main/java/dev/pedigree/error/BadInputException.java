package dev.pedigree.error;

/**
 * Input that pedigree refuses: a malformed file, a bad argument, a path leaving the model directory.
 * The command line turns it into exit code 2 and prints {@link #getMessage()} as one line, so the
 * message must name the file (or argument) and the problem.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
