package dev.mtproto.spring.autoconfigure;

import org.springframework.boot.diagnostics.FailureAnalysis;

/** Lets tests in other packages run the package-private analyzer. */
public final class MtprotoStartFailureAnalyzerAccess {
    /**
     * @param failure a start failure
     * @return the analyzer's report, or null
     */
    public FailureAnalysis analyze(Throwable failure) {
        return new MtprotoStartFailureAnalyzer().analyze(failure);
    }
}
