package dev.mtproto.client;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.session.ClientSession;
import dev.mtproto.session.MessageIdClock;
import dev.mtproto.session.OutgoingCall;
import dev.mtproto.session.RequestTooLargeException;
import dev.mtproto.store.DcAuthorization;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a connection's session once its keys are known: on the permanent key, or, with perfect forward
 * secrecy, on a temporary key whose binding ({@link TempKeyBinding}) goes first while every other call
 * waits until the DC has accepted it. Calls that waited for a session are handed to it; one too large for
 * the transport is given back to fail alone. Called under the connection's lock.
 */
final class SessionOpener {
    /** How many received msg_ids each session remembers against replays. */
    private static final int REPLAY_WINDOW = 4096;

    private final ClientConfig config;
    private final RandomSource random;
    private final SessionOutput output;

    SessionOpener(ClientConfig config, RandomSource random, SessionOutput output) {
        this.config = config;
        this.random = random;
        this.output = output;
    }

    /**
     * Creates the session in the slot (which has none).
     *
     * @return the binding to wait for before calls may go, or {@code null} without perfect forward secrecy
     */
    OutgoingCall<Boolean> open(SessionSlot slot, SocketLink link, DcAuthorization permanent, TempKey temporary) {
        AuthKey key = temporary != null ? temporary.key() : permanent.authKey();
        long salt = temporary != null ? temporary.firstSalt() : permanent.serverSalt();
        long offset = temporary != null ? temporary.timeOffsetMillis() : permanent.timeOffsetMillis();
        ClientSession s = new ClientSession(key, salt, new MessageIdClock(config.clockMillis(), offset), random, output,
                REPLAY_WINDOW, link.transport().maxFrameLength());
        s.initWrapper(call -> config.initConnection().wrap(config.apiId(), call));
        slot.session = s;
        if (temporary == null) {
            slot.bound = true;
            slot.tempKeyExpiresAt = null;
            return null;
        }
        slot.bound = false;
        slot.tempKeyExpiresAt = temporary.expiresAt();
        return TempKeyBinding.submit(s, permanent, temporary, random, config.requestTimeout());
    }

    /**
     * Destroys keys a link brought that no session took (the link closed first, or the session already
     * existed): this connection's own copies.
     *
     * @param permanent the permanent key's authorization, or null
     * @param temporary the temporary key, or null
     */
    static void retireUnused(DcAuthorization permanent, TempKey temporary) {
        if (permanent != null) {
            permanent.authKey().destroy();
        }
        if (temporary != null) {
            temporary.key().destroy();
        }
    }

    /**
     * Moves the calls that waited into the session (it exists and may take calls).
     *
     * @return the calls too large for the transport, to fail outside the lock
     */
    static List<OutgoingCall<?>> handOverWaiting(SessionSlot slot) {
        List<OutgoingCall<?>> tooLarge = new ArrayList<>();
        for (OutgoingCall<?> call : slot.waiting) {
            try {
                slot.session.submit(call);
            } catch (RequestTooLargeException e) {
                tooLarge.add(call);
            }
        }
        slot.waiting.clear();
        return tooLarge;
    }
}
