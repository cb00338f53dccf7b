package dev.mtproto.spring.metrics;

/** The tag keys the {@code mtproto.*} meters share. */
public final class MtprotoMeterTags {
    /** The account's name ({@code default}, or its key under {@code mtproto.clients}). */
    public static final String ACCOUNT = "mtproto.account";
    /** A DC id. */
    public static final String DC = "mtproto.dc";
    /** The TL name of a function ({@code messages.sendMessage}). */
    public static final String METHOD = "rpc.method";

    private MtprotoMeterTags() {
    }
}
