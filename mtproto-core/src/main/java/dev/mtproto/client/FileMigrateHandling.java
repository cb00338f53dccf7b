package dev.mtproto.client;

/**
 * Who follows a {@code FILE_MIGRATE_X} answer to a call (https://core.telegram.org/api/datacenter): the
 * client, retrying only that call on DC X (when {@link ClientConfig#followMigrations()} is on), or the
 * caller, who gets the {@link dev.mtproto.rpc.MigrateException} and can send every later call of the same
 * file straight to DC X. The file transfer engine takes the answer itself, so that a download is redirected
 * once rather than once per part. Other migrations ({@code PHONE_}, {@code USER_}, {@code NETWORK_},
 * {@code STATS_MIGRATE}) are followed by the client either way.
 */
public enum FileMigrateHandling {
    /** The client retries the call on the DC named (the default). */
    CLIENT_FOLLOWS,
    /** The call fails with the {@link dev.mtproto.rpc.MigrateException}, for the caller to follow. */
    CALLER_FOLLOWS
}
