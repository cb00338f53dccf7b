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
    /** Default bound on the messages a session keeps to send or resend. */
    public static final int DEFAULT_OUTBOUND_MESSAGES = 8192;
    /**
     * Default bound on the bytes of the messages a session keeps to send or resend: 256 MiB, room for the
     * file parts a client keeps in flight (up to 64 of 1 MiB) and their copies not yet acknowledged. With
     * 16 MiB, a download keeping 16 parts of 1 MiB in flight on one connection passed the bound and stalled.
     */
    public static final long DEFAULT_OUTBOUND_BYTES = 256L << 20;
    private static final ServerSessionSettings LENIENT = builder().build();

    private final boolean strictChecks;
    private final Consumer<Leniency> leniencyListener;
    private final int outboundMessages;
    private final long outboundBytes;

    private ServerSessionSettings(Builder b) {
        this.strictChecks = b.strictChecks;
        this.leniencyListener = b.leniencyListener;
        this.outboundMessages = b.outboundMessages;
        this.outboundBytes = b.outboundBytes;
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

    /** @return the most messages a session keeps waiting to be sent or acknowledged */
    public int outboundMessages() {
        return outboundMessages;
    }

    /** @return the most bytes of messages a session keeps waiting to be sent or acknowledged */
    public long outboundBytes() {
        return outboundBytes;
    }

    @Override
    public String toString() {
        return "ServerSessionSettings{" + (strictChecks ? "strict" : "lenient") + ", outbound " + outboundMessages + " messages / "
                + outboundBytes + " bytes}";
    }

    /** Configures {@link ServerSessionSettings}. Not thread-safe. */
    public static final class Builder {
        private boolean strictChecks;
        private Consumer<Leniency> leniencyListener = kind -> { };
        private int outboundMessages = DEFAULT_OUTBOUND_MESSAGES;
        private long outboundBytes = DEFAULT_OUTBOUND_BYTES;

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

        /**
         * Bounds what a session keeps for a client that is away or does not acknowledge: messages not yet
         * sent and messages sent but not acknowledged, together. When a new message would pass a bound, the
         * oldest are dropped; if pushed updates were among them, one {@code updatesTooLong} is queued first
         * so that the client fetches what it missed ({@code updates.getDifference}). Dropped answers stay
         * in the answer cache: a request the client sends again is answered again.
         *
         * @param messages at least 16; default {@value #DEFAULT_OUTBOUND_MESSAGES}
         * @param bytes at least 64 KiB; default 256 MiB
         * @return this builder
         * @throws IllegalArgumentException if a bound is below its minimum
         */
        public Builder outboundLimit(int messages, long bytes) {
            if (messages < 16 || bytes < 64 << 10) {
                throw new IllegalArgumentException("the outbound limit must be at least 16 messages and 64 KiB, got "
                        + messages + " messages and " + bytes + " bytes");
            }
            this.outboundMessages = messages;
            this.outboundBytes = bytes;
            return this;
        }

        /** @return the settings */
        public ServerSessionSettings build() {
            return new ServerSessionSettings(this);
        }
    }
}
