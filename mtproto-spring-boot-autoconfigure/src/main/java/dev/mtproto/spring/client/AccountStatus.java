package dev.mtproto.spring.client;

/** Where an account is in its life in the application. */
public enum AccountStatus {
    /** Created from the properties; not connected yet. */
    CREATED,
    /** Connecting to its home DC and signing in. */
    CONNECTING,
    /** Signed in: calls flow; updates flow once the dispatcher has started. */
    SIGNED_IN,
    /** Connecting or signing in failed for good (see {@link TelegramAccount#failure()}). */
    FAILED,
    /** Stopped with the application. */
    STOPPED
}
