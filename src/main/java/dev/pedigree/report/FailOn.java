package dev.pedigree.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which findings make a run fail in CI ({@code --fail-on KIND}): a finding kind's token
 * ({@code undeclared}, {@code contradicted}, …), {@code link} for any finding that asserts a shared
 * origin, or {@code any}.
 */
public record FailOn(String token, Predicate<Finding> matches) {

    /** Every accepted token, for help texts and error messages. */
    public static List<String> tokens() {
        List<String> kinds = Arrays.stream(FindingKind.values()).map(FindingKind::token).toList();
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("link", "any"), kinds.stream()).toList();
    }

    /** @throws IllegalArgumentException naming the accepted tokens when {@code token} is none of them */
    public static FailOn parse(String token) {
        String t = token.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "link":
                return new FailOn(t, f -> f.kind().isLink());
            case "any":
                return new FailOn(t, f -> true);
            default:
                for (FindingKind k : FindingKind.values()) {
                    if (k.token().equals(t)) {
                        return new FailOn(t, f -> f.kind() == k);
                    }
                }
                throw new IllegalArgumentException("unknown finding kind '" + token + "'; expected one of " + String.join(", ", tokens()));
        }
    }

    /** Whether any finding of {@code report} matches one of {@code rules}. */
    public static boolean anyMatch(Report report, List<FailOn> rules) {
        return report.findings().stream().anyMatch(f -> rules.stream().anyMatch(r -> r.matches().test(f)));
    }
}
