package dev.mtproto.benchmarks.sidebyside;

import dev.mtproto.client.ClientConfig;
import dev.mtproto.client.DcAddress;
import dev.mtproto.client.DcOptions;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.transport.TransportKind;

/**
 * Makes clients of the standalone test DC configured as the mtcute side is: test mode (the key exchange
 * names DC id + 10000), the DC's own key trusted, intermediate framing without obfuscation (what mtcute's
 * Node TCP transport speaks); everything else is the client's default.
 */
final class StandaloneDcClients {
    /** The test DC accepts any api id; mtcute-bench.mjs uses the same values. */
    private static final int API_ID = 17349;
    private static final String API_HASH = "0123456789abcdef0123456789abcdef";

    private final DcAnnouncement dc;

    StandaloneDcClients(DcAnnouncement dc) {
        this.dc = dc;
    }

    /** A configuration with a session store of its own: every client makes its own key, as separate accounts would. */
    private ClientConfig config() {
        return ClientConfig.builder(API_ID, API_HASH)
                .testMode(true)
                .homeDc(dc.dcId())
                .dcOptions(DcOptions.of(new DcAddress(dc.dcId(), dc.host(), dc.port())))
                .addRsaKey(dc.rsaKey())
                .transport(TransportKind.INTERMEDIATE, false)
                .sessionStore(new MemorySessionStore())
                .build();
    }

    /**
     * @return a client that is connected and has answered one call, so its key and session exist
     * @throws java.util.concurrent.CompletionException if it cannot connect or the call fails
     */
    MtprotoClient connected() {
        MtprotoClient client = MtprotoClient.create(config());
        try {
            client.connect().join();
            client.invoke(GetNearestDc.INSTANCE).join();
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }
}
