package dev.mtproto.client.interceptor;

import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.InputPeerChannel;
import dev.mtproto.tl.api.InputPeerChannelFromMessage;
import dev.mtproto.tl.api.InputPeerChat;
import dev.mtproto.tl.api.messages.ForwardMessages;
import dev.mtproto.tl.api.messages.SendMedia;
import dev.mtproto.tl.api.messages.SendMessage;
import dev.mtproto.tl.api.messages.SendMultiMedia;
import java.time.Duration;
import java.util.List;

/**
 * The sending limits Telegram publishes for bots (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this):
 * no more than about 30 messages per second in all, one per second in one chat, and 20 per minute in one
 * group. Messages are {@code messages.sendMessage}, {@code sendMedia}, {@code sendMultiMedia} and
 * {@code forwardMessages}.
 */
public final class BotSendingLimits {
    private BotSendingLimits() {
    }

    /** @return the three rules, for a {@link RateLimitInterceptor} */
    public static List<RateLimit> rules() {
        return List.of(
                new RateLimit("30 messages per second", m -> chatOf(m) != null ? "all" : null, 30, Duration.ofSeconds(1)),
                new RateLimit("1 message per second per chat", BotSendingLimits::chatOf, 1, Duration.ofSeconds(1)),
                new RateLimit("20 messages per minute per group", m -> isGroup(chatOf(m)) ? chatOf(m) : null, 20, Duration.ofMinutes(1)));
    }

    /** @return the chat a message-sending call sends to, or null for other calls */
    static InputPeer chatOf(TlMethod<?> method) {
        if (method instanceof SendMessage m) {
            return m.peer();
        } else if (method instanceof SendMedia m) {
            return m.peer();
        } else if (method instanceof SendMultiMedia m) {
            return m.peer();
        } else if (method instanceof ForwardMessages m) {
            return m.toPeer();
        }
        return null;
    }

    private static boolean isGroup(InputPeer peer) {
        return peer instanceof InputPeerChat || peer instanceof InputPeerChannel || peer instanceof InputPeerChannelFromMessage;
    }
}
