package dev.mtproto.testkit.logging;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that runs a {@link LogCapture} around each test:
 * {@code @RegisterExtension final LogCaptureExtension logs = new LogCaptureExtension();}, then
 * {@code logs.capture().texts()} in the test. Tests that use it must not run in parallel.
 */
public final class LogCaptureExtension implements BeforeEachCallback, AfterEachCallback {
    private LogCapture capture;

    /**
     * Returns the capture of the running test.
     *
     * @return the open capture
     * @throws IllegalStateException outside a test
     */
    public LogCapture capture() {
        if (capture == null) {
            throw new IllegalStateException("no test is running; register the extension with @RegisterExtension");
        }
        return capture;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        capture = LogCapture.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        capture.close();
        capture = null;
    }
}
