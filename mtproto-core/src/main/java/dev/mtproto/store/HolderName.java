package dev.mtproto.store;

import java.io.IOException;
import java.net.InetAddress;

/**
 * The name stores give this process where they record who holds something (the file store's lock file, the
 * JDBC store's lease): {@code pid@host}.
 */
public final class HolderName {
    private static final String THIS_PROCESS = ProcessHandle.current().pid() + "@" + hostName();

    private HolderName() {
    }

    /**
     * Returns this process's name, worked out once (finding the host name can take a moment).
     *
     * @return {@code pid@host}, with {@code unknown-host} when the host has no name
     */
    public static String thisProcess() {
        return THIS_PROCESS;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | SecurityException e) {
            return "unknown-host";
        }
    }
}
