package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.contacts.Block;
import dev.mtproto.tl.api.contacts.Unblock;

/**
 * {@code contacts.block} and {@code contacts.unblock} (https://core.telegram.org/method/contacts.block) of a
 * user or bot: {@code true}; a bot learns of it by {@code updateBotStopped} ({@link Blocks}). Errors:
 * {@code 400 CONTACT_ID_INVALID} for oneself or anything but a user named with the caller's hash.
 */
public final class BlockMethods {
    private final InputPeers peers;
    private final Blocks blocks;

    /**
     * @param peers reads the peer named
     * @param blocks who blocked whom
     */
    public BlockMethods(InputPeers peers, Blocks blocks) {
        this.peers = peers;
        this.blocks = blocks;
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(Block.class, (m, c) -> set(m.id(), c, true)).on(Unblock.class, (m, c) -> set(m.id(), c, false));
    }

    private Object set(InputPeer peer, Caller c, boolean blocked) {
        Destination to;
        try {
            to = peers.resolve(c.account(), peer, c.call().method().tlName());
        } catch (dev.mtproto.rpc.RpcException e) {
            throw WorldErrors.of(400, "CONTACT_ID_INVALID", c.call());
        }
        if (!(to instanceof Destination.ToUser u) || u.user().id() == c.account().id()) {
            throw WorldErrors.of(400, "CONTACT_ID_INVALID", c.call());
        }
        blocks.set(c.account(), u.user(), blocked, (int) c.nowSeconds());
        return Boolean.TRUE;
    }
}
