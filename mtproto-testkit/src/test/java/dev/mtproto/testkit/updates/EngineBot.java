package dev.mtproto.testkit.updates;

import dev.mtproto.auth.Authenticator;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.store.SessionStore;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.UpdateNewChannelMessage;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.updates.IncomingUpdate;
import dev.mtproto.updates.UpdateEngine;
import dev.mtproto.updates.UpdateEngineConfig;
import dev.mtproto.updates.UpdateEngineEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A signed-in bot with an engine, collecting what it delivers. */
final class EngineBot implements AutoCloseable {
    final MtprotoClient client;
    final UpdateEngine engine;
    final Queue<IncomingUpdate> delivered = new ConcurrentLinkedQueue<>();
    final Queue<UpdateEngineEvent> events = new ConcurrentLinkedQueue<>();

    EngineBot(TestCluster cluster, Account bot, SessionStore store, UpdateEngineConfig config) {
        client = MtprotoClient.create(cluster.clientConfig().sessionStore(store).build());
        if (client.signedInUserId().isEmpty()) {
            Authenticator.of(client).signInBot(bot.botToken()).join();
        }
        engine = UpdateEngine.create(client, config);
        engine.addHandler(delivered::add);
        engine.addEventListener(events::add);
    }

    /** @return per chat key, the ids of the new messages delivered, in delivery order */
    Map<Long, List<Integer>> messagesPerChat() {
        Map<Long, List<Integer>> m = new ConcurrentHashMap<>();
        for (IncomingUpdate u : delivered) {
            MessageType msg = u.update() instanceof UpdateNewMessage n ? n.message()
                    : u.update() instanceof UpdateNewChannelMessage c ? c.message() : null;
            if (msg instanceof Message) {
                m.computeIfAbsent(u.chatKey(), k -> new ArrayList<>()).add(msg.id());
            }
        }
        return m;
    }

    int messageCount() {
        return messagesPerChat().values().stream().mapToInt(List::size).sum();
    }

    @Override
    public void close() {
        engine.close();
        client.close();
    }

    /** @return per chat key, the ids of the new messages the world's record says the account must receive, in order */
    static Map<Long, List<Integer>> expected(dev.mtproto.testkit.world.World world, Account account) {
        Map<Long, List<Integer>> m = new java.util.HashMap<>();
        for (dev.mtproto.testkit.world.messages.HistoryEntry e : world.history(account)) {
            if (e.message() instanceof Message msg) {
                m.computeIfAbsent(dev.mtproto.peers.MarkedIds.of(e.peer()), k -> new ArrayList<>()).add(msg.id());
            }
        }
        return m;
    }
}
