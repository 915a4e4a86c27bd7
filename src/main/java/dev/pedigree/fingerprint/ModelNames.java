package dev.pedigree.fingerprint;

import java.nio.file.Path;

/** The display name of a MODEL string when none is given: the artifact, repository, directory or file name. */
public final class ModelNames {
    private ModelNames() {
    }

    public static String of(String spec) {
        if (spec.startsWith("maven:")) {
            String[] p = spec.substring("maven:".length()).split(":");
            return p.length >= 2 ? p[1] : spec;
        }
        if (spec.startsWith("hf:")) {
            String s = spec.substring("hf:".length());
            int at = s.indexOf('@');
            s = at >= 0 ? s.substring(0, at) : s;
            return s.substring(s.lastIndexOf('/') + 1);
        }
        Path name = Path.of(spec).toAbsolutePath().normalize().getFileName();
        if (name == null) {
            return spec;
        }
        String n = name.toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && (n.endsWith(".safetensors") || n.endsWith(".gguf") || n.endsWith(".onnx")) ? n.substring(0, dot) : n;
    }
}
