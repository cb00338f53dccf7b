package dev.mtproto.rpc;

/**
 * The call must go to another data center: {@code PHONE_MIGRATE_X}, {@code USER_MIGRATE_X},
 * {@code NETWORK_MIGRATE_X} move the account's home DC; {@code FILE_MIGRATE_X} and
 * {@code STATS_MIGRATE_X} only redirect that one call.
 */
public final class MigrateException extends RpcException {
    private static final long serialVersionUID = 1L;

    /** Which kind of migration the server asked for. */
    public enum Kind {
        PHONE, USER, NETWORK, FILE, STATS;

        static Kind of(String errorName) {
            return valueOf(errorName.substring(0, errorName.indexOf('_')));
        }

        /** @return whether this kind moves the home DC (PHONE, USER, NETWORK) rather than one call (FILE, STATS) */
        public boolean movesHomeDc() {
            return this == PHONE || this == USER || this == NETWORK;
        }
    }

    private final Kind kind;
    private final int targetDc;

    MigrateException(int code, String errorMessage, String method, Kind kind, int targetDc) {
        super(code, errorMessage, method);
        this.kind = kind;
        this.targetDc = targetDc;
    }

    /** @return the kind of migration */
    public Kind kind() {
        return kind;
    }

    /** @return the DC to use */
    public int targetDc() {
        return targetDc;
    }
}
