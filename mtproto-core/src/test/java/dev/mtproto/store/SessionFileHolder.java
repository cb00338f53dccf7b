package dev.mtproto.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The other process of {@link FileSessionStoreAcrossProcessesTest}: opens a {@link FileSessionStore} on
 * the file named by its argument and says what happened on standard output, one line: {@code open} when it
 * holds the store, or {@code locked <holder>} when it was refused. An open store is closed when a line
 * {@code close} (or the end of standard input) arrives; then it prints {@code closed} and exits.
 */
public final class SessionFileHolder {
    private SessionFileHolder() {
    }

    /**
     * @param args the session file
     * @throws Exception if standard input cannot be read
     */
    public static void main(String[] args) throws Exception {
        FileSessionStore store;
        try {
            store = FileSessionStore.open(Path.of(args[0]));
        } catch (SessionFileLockedException e) {
            System.out.println("locked " + e.holder().orElse("?"));
            return;
        }
        store.saveHomeDc(3);
        System.out.println("open");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        do {
            line = in.readLine();
        } while (line != null && !line.equals("close"));
        store.close();
        System.out.println("closed");
    }
}
