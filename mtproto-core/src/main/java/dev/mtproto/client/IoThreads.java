package dev.mtproto.client;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for connection loops and callbacks: virtual threads when the JVM has them (Java 21+) and they are
 * wanted, daemon platform threads otherwise. The library is compiled for Java 17, so virtual threads are
 * found at runtime.
 */
public final class IoThreads {
    private static final MethodHandle OF_VIRTUAL;
    private static final MethodHandle NAME;
    private static final MethodHandle FACTORY;

    static {
        MethodHandle ofVirtual = null;
        MethodHandle name = null;
        MethodHandle factory = null;
        try {
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Class<?> ofVirtualType = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtualType));
            name = lookup.findVirtual(builder, "name", MethodType.methodType(builder, String.class, long.class));
            factory = lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
        } catch (ReflectiveOperationException | LinkageError e) {
            ofVirtual = null; // Java 17 to 20: no virtual threads
        }
        OF_VIRTUAL = ofVirtual;
        NAME = name;
        FACTORY = factory;
    }

    /** @return whether this JVM has virtual threads */
    public static boolean virtualThreadsAvailable() {
        return OF_VIRTUAL != null;
    }

    /**
     * @param prefix thread name prefix
     * @param virtual whether to use virtual threads when available
     * @return a factory of named threads
     */
    public static ThreadFactory factory(String prefix, boolean virtual) {
        if (virtual && OF_VIRTUAL != null) {
            try {
                Object builder = OF_VIRTUAL.invoke();
                Object named = NAME.invoke(builder, prefix + "-", 0L);
                return (ThreadFactory) FACTORY.invoke(named);
            } catch (Throwable e) {
                // fall through to platform threads
            }
        }
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }
}
