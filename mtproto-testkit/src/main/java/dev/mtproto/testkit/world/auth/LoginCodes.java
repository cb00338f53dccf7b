package dev.mtproto.testkit.world.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The login codes of the world: one live code per phone number (a new {@code auth.sendCode} replaces the
 * last, whose {@code phone_code_hash} is then expired), 5 digits, valid for a while
 * ({@link #DEFAULT_LIFETIME} unless a test says otherwise); and the last code each number got, for tests
 * to read as a user reads an SMS. Thread-safe.
 */
public final class LoginCodes {
    /** How long a code can be used unless a test sets another lifetime. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    /** How many digits a code has. */
    public static final int LENGTH = 5;

    private final Map<String, CodeSession> live = new HashMap<>();
    private final Map<String, String> lastCodes = new HashMap<>();
    private final SecureRandom random;
    private volatile Duration lifetime = DEFAULT_LIFETIME;
    private volatile BiConsumer<String, String> listener = (phone, code) -> { };

    /** @param random where codes and hashes come from */
    public LoginCodes(SecureRandom random) {
        this.random = random;
    }

    /**
     * @param value how long codes sent from now on can be used, positive
     * @throws IllegalArgumentException if it is not positive
     */
    public void lifetime(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("a code lifetime must be positive, got " + value);
        }
        lifetime = value;
    }

    /**
     * @param value told each code sent (the normalized number and the code), as the phone's owner reads it;
     *     called while the code is sent, so it must be quick
     */
    public void onCodeSent(BiConsumer<String, String> value) {
        listener = Objects.requireNonNull(value, "value");
    }

    /**
     * @param phone a normalized number
     * @return the last code sent to it, if any was
     */
    public synchronized Optional<String> lastCode(String phone) {
        return Optional.ofNullable(lastCodes.get(phone));
    }

    synchronized CodeSession send(String phone, int dcId, int apiId, CodeDelivery delivery, String fixedCode, long nowSeconds) {
        String code = fixedCode != null ? fixedCode : String.format("%05d", random.nextInt(100_000));
        byte[] hash = new byte[9];
        random.nextBytes(hash);
        CodeSession s = new CodeSession(phone, HexFormat.of().formatHex(hash), code, dcId, apiId, delivery,
                nowSeconds + lifetime.toSeconds(), CodeSession.State.SENT);
        live.put(phone, s);
        lastCodes.put(phone, code);
        listener.accept(phone, code);
        return s;
    }

    /** @return the live code of the number with that hash, if it has not expired */
    synchronized Optional<CodeSession> find(String phone, String hash, long nowSeconds) {
        CodeSession s = live.get(phone);
        if (s == null || !s.hash().equals(hash)) {
            return Optional.empty();
        }
        if (nowSeconds >= s.expiresAt()) {
            live.remove(phone);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    synchronized CodeSession update(CodeSession s) {
        Objects.requireNonNull(s, "s");
        live.put(s.phone(), s);
        return s;
    }

    /** Ends a code: signed in, signed up or cancelled. */
    synchronized void end(CodeSession s) {
        CodeSession current = live.get(s.phone());
        if (current != null && current.hash().equals(s.hash())) {
            live.remove(s.phone());
        }
    }
}
