package dev.mtproto.tl.generator.emit;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Writes a {@code switch} on a TL name that returns what one case yields, or a fallback for names it does
 * not know. Beyond {@value #MAX_CASES} names the switch is split into private helper methods by the name's
 * hash code, so that no method grows past what the JIT compiles (HotSpot skips methods over 8,000 bytes of
 * bytecode, and a string case takes about 40).
 */
final class NameDispatch {
    /** The most cases one generated method holds. */
    static final int MAX_CASES = 64;

    /**
     * One name and what it yields.
     *
     * @param tlName the TL name, as the {@code case} label
     * @param expression the Java expression returned for it
     */
    record Case(String tlName, String expression) {
    }

    private NameDispatch() {
    }

    /**
     * Writes the body of a method whose parameters include {@code String name}, and its helpers.
     *
     * @param src where to write; positioned inside the method's body
     * @param helperSignature the helpers' signature without their name and with {@code %s} where the name
     *     goes, such as {@code private static TlObject %s(String name, TlJsonReader r)}
     * @param helperName the helpers' name; a bucket number is appended
     * @param helperArguments the arguments a call to a helper passes, such as {@code name, r}
     * @param cases the names
     * @param fallback the expression returned for an unknown name
     * @return the helper methods' source, to be written after the method is closed
     */
    static List<Runnable> body(JavaSource src, String helperSignature, String helperName, String helperArguments,
            List<Case> cases, String fallback) {
        if (cases.size() <= MAX_CASES) {
            cases(src, cases, fallback);
            return List.of();
        }
        int buckets = Integer.highestOneBit((cases.size() + MAX_CASES / 2 - 1) / (MAX_CASES / 2)) * 2;
        TreeMap<Integer, List<Case>> byBucket = new TreeMap<>();
        for (Case c : cases) {
            byBucket.computeIfAbsent(c.tlName().hashCode() & (buckets - 1), k -> new ArrayList<>()).add(c);
        }
        src.open("switch (name.hashCode() & " + (buckets - 1) + ")");
        for (int b : byBucket.keySet()) {
            src.line("case " + b + ": return " + helperName + b + "(" + helperArguments + ");");
        }
        src.line("default: return " + fallback + ";");
        src.close();
        List<Runnable> helpers = new ArrayList<>();
        for (var e : byBucket.entrySet()) {
            helpers.add(() -> {
                src.open(String.format(helperSignature, helperName + e.getKey()));
                cases(src, e.getValue(), fallback);
                src.close().blank();
            });
        }
        return helpers;
    }

    private static void cases(JavaSource src, List<Case> cases, String fallback) {
        src.open("switch (name)");
        for (Case c : cases) {
            src.line("case \"" + c.tlName() + "\": return " + c.expression() + ";");
        }
        src.line("default: return " + fallback + ";");
        src.close();
    }
}
