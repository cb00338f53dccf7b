package dev.mtproto.testkit.logging;

import dev.mtproto.testkit.DcKey;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The forms in which a secret could leak into text (raw, hex in both cases, base64 and base64url), and a
 * check that none of them appears in a set of texts. An encoded form is made of the secret's start (its
 * first {@value #FRAGMENT_BYTES} bytes, or all of a shorter one), and a long text secret (a session string)
 * is looked for piece by piece ({@value #PIECE_CHARS} characters each), so that a text holding part of a
 * longer value is caught too.
 */
public final class SecretScan {
    /** How many leading bytes of a long secret its forms are made of. */
    public static final int FRAGMENT_BYTES = 18;
    /** A text secret longer than this is looked for as consecutive pieces of this many characters. */
    public static final int PIECE_CHARS = 24;

    private final Set<String> forms = new LinkedHashSet<>();

    private SecretScan() {
    }

    /**
     * Starts an empty scan.
     *
     * @return a scan that looks for nothing yet
     */
    public static SecretScan create() {
        return new SecretScan();
    }

    /**
     * Looks for a text secret (a token, a password, a code, a session string): the string itself (or each
     * piece of a long one) and the encoded forms of its UTF-8 bytes.
     *
     * @param secret the secret; at least four characters (shorter ones would match everywhere)
     * @return this scan
     * @throws IllegalArgumentException if the secret is shorter than four characters
     */
    public SecretScan text(String secret) {
        if (secret.length() < 4) {
            throw new IllegalArgumentException("a secret to look for must have at least 4 characters, not "
                    + secret.length());
        }
        if (secret.length() <= PIECE_CHARS) {
            forms.add(secret);
        } else {
            for (int start = 0; start + PIECE_CHARS <= secret.length(); start += PIECE_CHARS) {
                forms.add(secret.substring(start, start + PIECE_CHARS));
            }
        }
        return bytes(secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Looks for a binary secret (a key, a nonce, an MTProxy secret) in hex, base64 and base64url.
     *
     * @param secret the secret; at least four bytes
     * @return this scan
     * @throws IllegalArgumentException if the secret is shorter than four bytes
     */
    public SecretScan bytes(byte[] secret) {
        if (secret.length < 4) {
            throw new IllegalArgumentException("a secret to look for must have at least 4 bytes, not " + secret.length);
        }
        byte[] start = secret.length > FRAGMENT_BYTES ? Arrays.copyOf(secret, FRAGMENT_BYTES) : secret;
        String hex = HexFormat.of().formatHex(start);
        forms.add(hex);
        forms.add(hex.toUpperCase(Locale.ROOT));
        for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
            // FRAGMENT_BYTES is a multiple of 3, so a fragment's encoding does not depend on the bytes after it
            forms.add(encoder.withoutPadding().encodeToString(start));
        }
        return this;
    }

    /**
     * Looks for every authorization key (permanent and temporary) the cluster's DCs hold now; their ids may
     * appear, their bytes not.
     *
     * @param cluster the test cluster
     * @return this scan
     */
    public SecretScan authKeysOf(TestCluster cluster) {
        for (TestDc dc : cluster.dcs()) {
            for (DcKey key : dc.inspection().authKeys()) {
                bytes(key.authKey().toByteArray());
            }
        }
        return this;
    }

    /**
     * Returns every form looked for.
     *
     * @return the forms, in the order they were added
     */
    public List<String> forms() {
        return List.copyOf(forms);
    }

    /**
     * Returns the texts that contain a form of a secret, each with the form found.
     *
     * @param texts the texts to check (log lines, {@code toString()} results, exception messages)
     * @return one line {@code "<form> in: <text>"} per finding; empty when nothing leaked
     */
    public List<String> findIn(Collection<String> texts) {
        List<String> found = new ArrayList<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (String form : forms) {
                if (text.contains(form)) {
                    found.add(form + " in: " + text);
                }
            }
        }
        return found;
    }

    /**
     * Checks that no text contains a form of a secret.
     *
     * @param texts the texts to check
     * @throws AssertionError naming each finding, if some text contains a secret
     */
    public void assertNoneIn(Collection<String> texts) {
        List<String> found = findIn(texts);
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " text(s) contain a secret:\n" + String.join("\n", found));
        }
    }
}
