package dev.pedigree.signals.mpk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * MPK's two metadata hashes over the MFI fields (values as Python would hold them: see
 * {@link PythonJson}). {@code arch_hash} fixes the exact shape; {@code family_hash} the design
 * choices shared across sizes of one family.
 */
public final class MfiHashes {
    static final List<String> ARCH_FIELDS = List.of("model_type", "architectures", "hidden_size", "num_hidden_layers",
            "num_attention_heads", "num_key_value_heads", "intermediate_size", "vocab_size", "max_position_embeddings");

    private MfiHashes() {
    }

    /** SHA-256 of {@code json.dumps([model_type, architectures, hidden_size, ...], sort_keys=True)}. */
    public static String archHash(Map<String, Object> mfi) {
        List<Object> fields = new ArrayList<>();
        for (String f : ARCH_FIELDS) {
            fields.add(mfi.get(f));
        }
        return sha256(PythonJson.dumps(fields));
    }

    /**
     * SHA-256 of the dumps of {@code [model_type, attention_style, hidden_act, norm_type,
     * tokenizer_hash, rope_theta_bucket, rope_scaling_type]}; the bucket is
     * {@code str(round(rope_theta, -2))}, which keeps the int/float type of rope_theta.
     */
    public static String familyHash(Map<String, Object> mfi) {
        Object scaling = mfi.get("rope_scaling");
        Object scalingType = scaling instanceof Map<?, ?> m && m.get("type") != null ? m.get("type") : "none";
        return sha256(PythonJson.dumps(Arrays.asList(mfi.get("model_type"), mfi.get("attention_style"),
                mfi.get("hidden_act"), mfi.get("norm_type"), mfi.get("tokenizer_hash"),
                ropeThetaBucket(mfi.get("rope_theta")), scalingType)));
    }

    /** Python's {@code str(round(x, -2))}: an int stays an int; a float's exact binary value rounds half
     * to even and prints as a float. */
    static String ropeThetaBucket(Object ropeTheta) {
        return switch (ropeTheta) {
            case null -> "none";
            case Integer i -> Long.toString(roundHalfEvenToHundreds(i));
            case Long l -> Long.toString(roundHalfEvenToHundreds(l));
            case Number n -> PythonJson.floatRepr(new java.math.BigDecimal(n.doubleValue())
                    .setScale(-2, java.math.RoundingMode.HALF_EVEN).doubleValue());
            default -> throw new IllegalArgumentException("rope_theta is not a number: " + ropeTheta);
        };
    }

    private static long roundHalfEvenToHundreds(long v) {
        return java.math.BigDecimal.valueOf(v).setScale(-2, java.math.RoundingMode.HALF_EVEN).longValueExact();
    }

    static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
