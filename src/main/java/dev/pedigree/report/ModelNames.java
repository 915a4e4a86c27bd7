package dev.pedigree.report;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a declared base-model name ({@code org/name}) names one of the models a report speaks
 * about, which are known by their MODEL argument ({@code hf:org/name}, a path,
 * {@code maven:group:artifact:version}). Matching is case-insensitive on the whole name or on its last
 * segment; nothing looser, because a false match would hide an undeclared link.
 */
final class ModelNames {
    private static final String[] WEIGHT_SUFFIXES = {".safetensors", ".gguf", ".onnx"};

    private ModelNames() {
    }

    /** Whether {@code declared} (as a card or config writes it) names the model given as {@code modelArgument}. */
    static boolean names(String declared, String modelArgument) {
        Set<String> declaredForms = forms(declared);
        Set<String> modelForms = forms(modelArgument);
        for (String d : declaredForms) {
            if (modelForms.contains(d)) {
                return true;
            }
        }
        return false;
    }

    /** The whole name and its last segment, lower case, without scheme, revision or weight-file extension. */
    static Set<String> forms(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replace('\\', '/');
        if (n.startsWith("maven:")) {
            String[] parts = n.split(":");
            n = parts.length >= 3 ? parts[2] : n.substring("maven:".length());
        } else if (n.startsWith("hf:")) {
            n = n.substring("hf:".length());
        } else if (n.contains("://")) {
            n = n.substring(n.indexOf("://") + 3);
            n = n.contains("/") ? n.substring(n.indexOf('/') + 1) : n;
        }
        int at = n.indexOf('@');
        if (at > 0) {
            n = n.substring(0, at);
        }
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        for (String suffix : WEIGHT_SUFFIXES) {
            if (n.endsWith(suffix)) {
                n = n.substring(0, n.length() - suffix.length());
            }
        }
        Set<String> forms = new LinkedHashSet<>();
        forms.add(n);
        forms.add(n.substring(n.lastIndexOf('/') + 1));
        forms.remove("");
        return forms;
    }
}
