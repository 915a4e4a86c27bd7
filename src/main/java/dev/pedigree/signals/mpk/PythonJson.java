package dev.pedigree.signals.mpk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Python's {@code json.dumps(value, sort_keys=True)} with default settings, byte for byte: separators
 * {@code ", "} and {@code ": "}, non-ASCII escaped as {@code \\uXXXX}, ints printed as ints and
 * floats by Python's shortest {@code repr}. MPK hashes such strings ({@code arch_hash},
 * {@code family_hash}), so an int/float difference in a config changes the hash; values keep the
 * Python type they had in the JSON they came from (Long/Integer/BigInteger for ints, Double for floats).
 */
public final class PythonJson {
    private PythonJson() {
    }

    public static String dumps(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object v, StringBuilder out) {
        switch (v) {
            case null -> out.append("null");
            case Boolean b -> out.append(b ? "true" : "false");
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case BigInteger b -> out.append(b);
            case Double d -> out.append(floatRepr(d));
            case Float f -> out.append(floatRepr(f.doubleValue()));
            case CharSequence s -> writeString(s.toString(), out);
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            }
            case Map<?, ?> map -> {
                Map<String, Object> sorted = new TreeMap<>();
                map.forEach((k, val) -> sorted.put(String.valueOf(k), val));
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, Object> e : sorted.entrySet()) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    writeString(e.getKey(), out);
                    out.append(": ");
                    write(e.getValue(), out);
                }
                out.append('}');
            }
            default -> throw new IllegalArgumentException("no Python JSON form for " + v.getClass().getName());
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Python's {@code repr(float)}: the shortest digits that round-trip (Java's
     * {@link Double#toString} gives the same digits since JDK 19), laid out as Python does —
     * positional when the decimal point falls within -4 < decpt <= 16, otherwise {@code d.ddde±XX}.
     */
    static String floatRepr(double d) {
        // see shortest(): digits are Python's, layout below follows float_repr_style 'short'
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = shortest(Math.abs(d));
        String digits = exact.unscaledValue().toString();
        int decpt = digits.length() - exact.scale(); // value = 0.digits × 10^decpt
        String sign = d < 0 ? "-" : "";
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                return sign + "0." + "0".repeat(-decpt) + digits;
            }
            if (decpt >= digits.length()) {
                return sign + digits + "0".repeat(decpt - digits.length()) + ".0";
            }
            return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
        }
        int exp = decpt - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /**
     * The shortest decimal that parses back to {@code x}. Java prints at least two significant digits
     * ({@code 4.9E-324}), otherwise its digits are already the shortest; so a two-digit answer is
     * checked against the one-digit neighbours, the nearest round-tripping one winning.
     */
    private static BigDecimal shortest(double x) {
        BigDecimal printed = new BigDecimal(Double.toString(x)).stripTrailingZeros();
        if (printed.precision() != 2) {
            return printed;
        }
        BigDecimal best = null;
        BigDecimal one = printed.round(new java.math.MathContext(1, java.math.RoundingMode.DOWN));
        BigDecimal ulp = one.ulp();
        BigDecimal exact = new BigDecimal(x);
        for (BigDecimal c : new BigDecimal[] {one, one.add(ulp)}) {
            if (c.signum() > 0 && Double.parseDouble(c.toString()) == x
                    && (best == null || c.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                best = c;
            }
        }
        return best == null ? printed : best.stripTrailingZeros();
    }
}
