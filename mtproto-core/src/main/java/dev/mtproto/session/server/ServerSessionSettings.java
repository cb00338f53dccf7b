package dev.mtproto.session.server;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How strict a server session is, and where it reports what it let pass. Immutable; one instance may serve
 * every session of a DC.
 *
 * <pre>{@code
 * ServerSessionSettings lenient = ServerSessionSettings.lenient();                     // as Telegram
 * ServerSessionSettings strict = ServerSessionSettings.builder().strictChecks(true).build(); // as the docs
 * }</pre>
 */
public final class ServerSessionSettings {
    private static final ServerSessionSettings LENIENT = builder().build();

    private final boolean strictChecks;
    private final Consumer<Leniency> leniencyListener;

    private ServerSessionSettings(Builder b) {
        this.strictChecks = b.strictChecks;
        this.leniencyListener = b.leniencyListener;
    }

    /** @return lenient checks, as Telegram's production DCs, reported nowhere */
    public static ServerSessionSettings lenient() {
        return LENIENT;
    }

    /** @return a builder with the lenient defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether every documented check is enforced, including those Telegram lets pass ({@link Leniency}) */
    public boolean strictChecks() {
        return strictChecks;
    }

    /** @return where lenient sessions report each message they let pass */
    public Consumer<Leniency> leniencyListener() {
        return leniencyListener;
    }

    @Override
    public String toString() {
        return "ServerSessionSettings{" + (strictChecks ? "strict" : "lenient") + "}";
    }

    /** Configures {@link ServerSessionSettings}. Not thread-safe. */
    public static final class Builder {
        private boolean strictChecks;
        private Consumer<Leniency> leniencyListener = kind -> { };

        private Builder() {
        }

        /**
         * @param strict {@code true} to refuse, with their documented {@code bad_msg_notification} codes,
         *     the messages Telegram lets pass; default {@code false}
         * @return this builder
         */
        public Builder strictChecks(boolean strict) {
            this.strictChecks = strict;
            return this;
        }

        /**
         * @param listener told of each message a lenient session lets pass; called on the session's thread
         *     and must not block; default: nothing
         * @return this builder
         */
        public Builder leniencyListener(Consumer<Leniency> listener) {
            this.leniencyListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @return the settings */
        public ServerSessionSettings build() {
            return new ServerSessionSettings(this);
        }
    }
}
