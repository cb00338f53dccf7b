package dev.mtproto.testkit.world.accounts;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Phone numbers as the world reads them: international format, with or without {@code +}, spaces, dashes
 * and parentheses allowed between digits; 5 to 15 digits (E.164). Telegram's test numbers
 * (https://core.telegram.org/api/auth#test-accounts) are {@code 99966XYYYY}: they live on DC X and always
 * get the code XXXXX.
 */
public final class PhoneNumbers {
    private static final int MIN_DIGITS = 5;
    private static final int MAX_DIGITS = 15;
    private static final String TEST_PREFIX = "99966";
    private static final int TEST_NUMBER_LENGTH = 10;

    private PhoneNumbers() {
    }

    /**
     * @param raw a phone number as a client sends it
     * @return its digits, or empty if it is not a phone number
     */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        if (s.startsWith("+")) {
            s = s.substring(1);
        }
        StringBuilder digits = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
                return Optional.empty();
            }
        }
        return digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS ? Optional.empty() : Optional.of(digits.toString());
    }

    /**
     * @param digits a normalized number
     * @return X for a test number {@code 99966XYYYY} (X from 1 to 9), empty for any other number
     */
    public static OptionalInt testNumberDc(String digits) {
        if (digits.length() != TEST_NUMBER_LENGTH || !digits.startsWith(TEST_PREFIX)) {
            return OptionalInt.empty();
        }
        int dc = digits.charAt(TEST_PREFIX.length()) - '0';
        return dc >= 1 && dc <= 9 ? OptionalInt.of(dc) : OptionalInt.empty();
    }

    /**
     * @param dc the DC of a test number
     * @return the code every test number of that DC gets: the DC digit five times
     */
    public static String testCode(int dc) {
        return String.valueOf(dc).repeat(5);
    }

    /**
     * @param dc a DC, 1 to 9
     * @param suffix the YYYY part, 0 to 9999
     * @return the test number {@code 99966XYYYY}
     */
    public static String testNumber(int dc, int suffix) {
        return TEST_PREFIX + dc + String.format("%04d", suffix);
    }
}
