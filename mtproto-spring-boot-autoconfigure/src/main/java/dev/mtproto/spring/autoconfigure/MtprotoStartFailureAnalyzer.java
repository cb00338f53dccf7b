package dev.mtproto.spring.autoconfigure;

import dev.mtproto.spring.client.MtprotoStartException;
import dev.mtproto.spring.client.SignInRequiredException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Reports a Telegram account that could not connect or sign in at start, with what to check. */
final class MtprotoStartFailureAnalyzer implements FailureAnalyzer {

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SignInRequiredException s) {
                return new FailureAnalysis("Telegram account '" + s.accountName() + "' is not signed in and cannot sign in here.",
                        s.getMessage() + ". See \"Creating a session\" in docs/spring-boot.md.", s);
            }
            if (t instanceof MtprotoStartException s) {
                Throwable why = s.getCause();
                return new FailureAnalysis(s.getMessage() + ".", action(why), s);
            }
        }
        return null;
    }

    private static String action(@Nullable Throwable why) {
        if (why instanceof dev.mtproto.auth.LoginException) {
            return "Telegram refused the sign-in: check mtproto.bot-token (revoked tokens are refused), or the phone number and code";
        } else if (why instanceof dev.mtproto.client.ConnectFailedException) {
            return "This is not fixed by retrying: check mtproto.dc.addresses, mtproto.dc.rsa-public-key and the proxy settings";
        }
        return "Check that the DCs are reachable from this machine (mtproto.dc.addresses, firewall, proxy), "
                + "or raise mtproto.timeouts.start";
    }
}
