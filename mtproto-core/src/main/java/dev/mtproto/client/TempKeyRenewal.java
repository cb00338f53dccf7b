package dev.mtproto.client;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * When a session on a temporary key moves to a new one: before the key expires, by a tenth of its life but
 * at most five minutes, and only when the session is idle (no call in flight or waiting), so that no call
 * ever needs resending under another key.
 */
final class TempKeyRenewal {
    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);

    private TempKeyRenewal() {
    }

    /** @return whether the slot's session should move to a new temporary key now (call under the lock) */
    static boolean due(SessionSlot slot, ClientConfig config, Instant now) {
        if (slot.tempKeyExpiresAt == null || slot.session == null || !slot.bound || !slot.linkEstablished) {
            return false;
        }
        Duration lifetime = config.tempKeyLifetime().orElseThrow();
        Duration margin = lifetime.dividedBy(10).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(10) : MAX_MARGIN;
        return !now.isBefore(slot.tempKeyExpiresAt.minus(margin)) && slot.session.pendingCalls() == 0 && slot.waiting.isEmpty();
    }

    /** Why a link is closed on purpose: its temporary key is due for renewal (the client reconnects at once). */
    static final class Due extends IOException {
        private static final long serialVersionUID = 1L;

        Due() {
            super("the temporary key is about to expire; a new one is made");
        }
    }
}
