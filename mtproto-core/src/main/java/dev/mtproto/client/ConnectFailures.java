package dev.mtproto.client;

import dev.mtproto.client.net.DialException;
import dev.mtproto.keyexchange.KeyExchangeException;
import dev.mtproto.store.SessionStoreException;
import java.net.UnknownHostException;

/** Tells failures that retrying cannot fix from those that it may, and what to tell the user about each. */
final class ConnectFailures {
    private ConnectFailures() {
    }

    /**
     * @param cause what ended a connection attempt
     * @return whether trying again cannot help
     */
    static boolean isPermanent(Throwable cause) {
        return cause instanceof UnknownDcException || cause instanceof DialException
                || (cause instanceof NoRouteException none && none.permanent()) || cause instanceof SessionStoreException
                || untrustedKey(cause);
    }

    private static boolean untrustedKey(Throwable cause) {
        return cause instanceof KeyExchangeException k && k.check().startsWith("none of the server's RSA key fingerprints");
    }

    /**
     * @param cause a failure
     * @return a sentence saying what went wrong and what to change
     */
    static String advice(Throwable cause) {
        if (untrustedKey(cause)) {
            return cause.getMessage() + ". The DC is not one this client trusts: for a test server, add its public key"
                    + " with ClientConfigBuilder.addRsaKey; for Telegram, check testMode matches the DC addresses";
        }
        if (cause instanceof UnknownHostException) {
            return cause.getMessage() + ". Check the DC host name";
        }
        return cause == null ? "closed" : cause.getMessage();
    }
}
