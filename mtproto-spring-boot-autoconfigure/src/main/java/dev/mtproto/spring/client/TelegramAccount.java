package dev.mtproto.spring.client;

import dev.mtproto.telegram.TelegramClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One Telegram account of the application: its name ({@code default} for the one configured at the top of
 * {@code mtproto.*}, else its key under {@code mtproto.clients}), its {@link TelegramClient}, and what the
 * application has seen of it so far (status, last update). Thread-safe; never shows a secret.
 */
public final class TelegramAccount {
    private final String name;
    private final TelegramClient client;
    private final SignInMethod signIn;
    private final Clock clock;
    private final AtomicLong updates = new AtomicLong();
    private volatile AccountStatus status = AccountStatus.CREATED;
    private volatile @Nullable Instant lastUpdateAt;
    private volatile @Nullable Instant signedInAt;
    private volatile @Nullable Throwable failure;

    /**
     * @param name the account's name
     * @param client its client, not connected yet
     * @param signIn how it signs in when its session is not signed in
     * @param clock for the times recorded
     */
    public TelegramAccount(String name, TelegramClient client, SignInMethod signIn, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.client = Objects.requireNonNull(client, "client");
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the account's name in the properties */
    public String name() {
        return name;
    }

    /** @return its client */
    public TelegramClient client() {
        return client;
    }

    /** @return how it signs in when its session is not signed in yet */
    public SignInMethod signInMethod() {
        return signIn;
    }

    /** @return where it is */
    public AccountStatus status() {
        return status;
    }

    /** @return why it failed, when {@link #status()} is {@link AccountStatus#FAILED} */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** @return when it signed in (or found its session signed in) in this run */
    public Optional<Instant> signedInAt() {
        return Optional.ofNullable(signedInAt);
    }

    /** @return when the last update reached the handlers, if any did */
    public Optional<Instant> lastUpdateAt() {
        return Optional.ofNullable(lastUpdateAt);
    }

    /** @return how many updates reached the handlers in this run */
    public long updatesDispatched() {
        return updates.get();
    }

    /** @return the user id it is signed in as, if signed in */
    public java.util.OptionalLong userId() {
        return client.raw().signedInUserId();
    }

    void connecting() {
        status = AccountStatus.CONNECTING;
    }

    void signedIn() {
        signedInAt = clock.instant();
        status = AccountStatus.SIGNED_IN;
    }

    void failed(Throwable why) {
        failure = why;
        status = AccountStatus.FAILED;
    }

    void stopped() {
        status = AccountStatus.STOPPED;
    }

    /** Records that an update of this account reached the handlers (called by the dispatcher). */
    public void updateDispatched() {
        updates.incrementAndGet();
        lastUpdateAt = clock.instant();
    }

    @Override
    public String toString() {
        return "TelegramAccount[" + name + ", " + status + ", sign-in " + signIn.kind() + "]";
    }
}
