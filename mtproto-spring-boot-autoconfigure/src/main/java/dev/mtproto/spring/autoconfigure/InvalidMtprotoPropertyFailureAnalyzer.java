package dev.mtproto.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a wrong or missing {@code mtproto.*} property at start: which property, what is wrong, what to do. */
final class InvalidMtprotoPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidMtprotoPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidMtprotoPropertyException cause) {
        return new FailureAnalysis("The Telegram client cannot be configured: property " + cause.getMessage() + ".",
                "Fix " + cause.property() + ": " + cause.fix() + ".", cause);
    }
}
