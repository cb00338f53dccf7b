package dev.mtproto.testkit.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of every logger, at every level down to TRACE, while it is open: for tests that
 * check what a flow logs (for example that no secret appears). Needs Logback as the SLF4J binding (the
 * testkit declares it optional: add {@code ch.qos.logback:logback-classic} to the test class path).
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.start()) {
 *     ... // run the flow
 *     SecretScan.create().text(botToken).assertNoneIn(logs.texts());
 * }
 * }</pre>
 *
 * <p>While open, every configured logger is set to {@code ALL} and the root logger's other appenders (the
 * console) are detached, so that TRACE output does not flood the test's console; {@link #close()} puts
 * levels and appenders back. Open one at a time per JVM (tests that use it must not run in parallel).
 */
public final class LogCapture implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root;
    private final Map<Logger, Level> levels = new HashMap<>();
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();

    private LogCapture(LoggerContext context) {
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Logger logger : context.getLoggerList()) {
            if (logger.getLevel() != null) {
                levels.put(logger, logger.getLevel());
                logger.setLevel(Level.ALL);
            }
        }
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            detached.add(it.next());
        }
        detached.forEach(root::detachAppender);
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
    }

    /**
     * Starts capturing.
     *
     * @return the open capture; close it to stop
     * @throws IllegalStateException if SLF4J is not bound to Logback
     */
    public static LogCapture start() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            throw new IllegalStateException("LogCapture needs Logback as the SLF4J binding, but SLF4J uses "
                    + factory.getClass().getName() + "; add ch.qos.logback:logback-classic to the test class path");
        }
        return new LogCapture(context);
    }

    /**
     * Returns the events captured so far.
     *
     * @return a copy, oldest first
     */
    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /**
     * Returns every text the captured events carry: each formatted message, the raw arguments, the MDC
     * values, and the stack trace (with messages and causes) of each logged throwable.
     *
     * @return the texts, oldest event first
     */
    public List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (ILoggingEvent event : events()) {
            texts.add(event.getLoggerName() + " " + event.getLevel() + " " + event.getFormattedMessage());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    texts.add(String.valueOf(argument));
                }
            }
            texts.addAll(event.getMDCPropertyMap().values());
            if (event.getThrowableProxy() != null) {
                texts.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        return texts;
    }

    /**
     * Says whether some captured event came from a logger whose name starts with {@code prefix} at DEBUG or
     * TRACE level, to show that a test really saw more than the usual INFO output.
     *
     * @param prefix a logger name prefix, for example {@code dev.mtproto.client}
     * @return whether such an event was captured
     */
    public boolean sawDetail(String prefix) {
        return events().stream().anyMatch(e -> !e.getLevel().isGreaterOrEqual(Level.INFO) && e.getLoggerName().startsWith(prefix));
    }

    /** Stops capturing and puts the levels and appenders back. */
    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        levels.forEach(Logger::setLevel);
        detached.forEach(root::addAppender);
    }
}
