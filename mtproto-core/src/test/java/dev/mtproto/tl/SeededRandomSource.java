package dev.mtproto.tl;

import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Values for random TL objects: edge values mixed in (0, -1, extremes; strings and bytes around the
 * 253/254-byte boundary of the TL length prefix; non-ASCII text with surrogate pairs), bounded nesting,
 * and optionally a plan for which flag bits of the outermost object are present.
 */
final class SeededRandomSource implements TlRandomSource {
    private static final String[] WORDS = {"hello", "привет", "世界", "🙂", "naïve", "straße", "", " ", "a\nb", "👍🏽", "\"q\""};

    private final SplittableRandom random;
    private final int maxDepth;
    private IntPredicate topLevelPresence;
    private int depth;
    private int topLevelBits;

    SeededRandomSource(long seed, int maxDepth) {
        this.random = new SplittableRandom(seed);
        this.maxDepth = maxDepth;
    }

    /**
     * @param plan given the index of a flag bit of the outermost object (in field order), whether it is
     *     present; {@code null} for random
     * @return this
     */
    SeededRandomSource topLevelPresence(IntPredicate plan) {
        this.topLevelPresence = plan;
        return this;
    }

    /** @return how many flag bits the outermost object asked about */
    int topLevelBits() {
        return topLevelBits;
    }

    @Override
    public int nextInt() {
        return switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> -1;
            case 2 -> random.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            default -> random.nextInt();
        };
    }

    @Override
    public long nextLong() {
        return switch (random.nextInt(8)) {
            case 0 -> 0L;
            case 1 -> -1L;
            case 2 -> random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
            default -> random.nextLong();
        };
    }

    @Override
    public double nextDouble() {
        return switch (random.nextInt(6)) {
            case 0 -> 0.0;
            case 1 -> -0.0;
            case 2 -> Double.MAX_VALUE;
            default -> random.nextDouble() * 1e6 - 5e5;
        };
    }

    @Override
    public boolean nextBool() {
        return random.nextBoolean();
    }

    @Override
    public String nextString() {
        int mode = random.nextInt(6);
        if (mode == 0) {
            return "x".repeat(253 + random.nextInt(4)); // around the 1-byte/4-byte length prefix boundary
        }
        StringBuilder sb = new StringBuilder();
        int words = mode == 1 ? 80 : random.nextInt(6);
        for (int i = 0; i < words; i++) {
            sb.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return sb.toString();
    }

    @Override
    public byte[] nextBytes() {
        int length = switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1 -> 253 + random.nextInt(4);
            default -> random.nextInt(40);
        };
        return nextBytes(length);
    }

    @Override
    public byte[] nextBytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    @Override
    public int choose(int choices) {
        return random.nextInt(choices);
    }

    @Override
    public boolean present() {
        if (tooDeep()) {
            return false;
        }
        if (depth == 1 && topLevelPresence != null) {
            return topLevelPresence.test(topLevelBits++);
        }
        if (depth == 1) {
            topLevelBits++;
        }
        return random.nextBoolean();
    }

    @Override
    public int vectorSize() {
        return tooDeep() ? 0 : random.nextInt(4);
    }

    @Override
    public boolean tooDeep() {
        return depth > maxDepth;
    }

    @Override
    public void enter() {
        depth++;
    }

    @Override
    public void exit() {
        depth--;
    }
}
