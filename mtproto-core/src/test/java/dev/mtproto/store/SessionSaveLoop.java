package dev.mtproto.store;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The other process of {@link FileSessionStoreKilledMidSaveTest}: opens a {@link FileSessionStore} on the
 * file named by its argument, fills it with {@link #FILLER_CHANNELS} channels' pts and {@link #FILLER_DCS}
 * authorizations (so that each save writes a file of some tens of kilobytes), prints {@code ready}, then
 * saves update state {@code n, n, n, n} for n = 1, 2, 3... forever, printing {@code n} after each save
 * returned (each line in one write). It is meant to be killed.
 */
public final class SessionSaveLoop {
    /** How many channels' pts the child saves before its loop. */
    static final int FILLER_CHANNELS = 2_000;
    /** How many DC authorizations the child saves before its loop (DCs 1 to this). */
    static final int FILLER_DCS = 5;

    private SessionSaveLoop() {
    }

    /**
     * @param args the session file
     */
    public static void main(String[] args) {
        FileSessionStore store = FileSessionStore.open(Path.of(args[0]));
        for (int dc = 1; dc <= FILLER_DCS; dc++) {
            store.saveAuthorization(dc, SessionStoreContract.authorization(dc));
        }
        Map<Long, Integer> channels = new HashMap<>();
        for (long channel = 1; channel <= FILLER_CHANNELS; channel++) {
            channels.put(1_000_000_000L + channel, (int) channel);
        }
        store.saveChannelPts(channels);
        System.out.print("ready\n");
        System.out.flush();
        for (int n = 1; ; n++) {
            store.saveUpdateState(new UpdateState(n, n, n, n));
            System.out.print(n + "\n"); // one write per line: a kill never leaves half a number
            System.out.flush();
        }
    }
}
