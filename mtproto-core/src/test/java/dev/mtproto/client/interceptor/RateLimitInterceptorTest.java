package dev.mtproto.client.interceptor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.api.InputPeerChat;
import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.help.GetConfig;
import dev.mtproto.tl.api.messages.SendMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The sliding windows, on a clock the test moves; the chain records the delay asked for each call. */
class RateLimitInterceptorTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Duration> delays = new ArrayList<>();

    private <R> Duration delayOf(RateLimitInterceptor limiter, TlMethod<R> method) {
        delays.clear();
        RpcChain<R> chain = new RpcChain<>() {
            @Override
            public RpcRequest<R> request() {
                return new RpcRequest<>(1, method, ConnectionId.main(1), 1, Duration.ofSeconds(10));
            }

            @Override
            public CompletableFuture<R> proceed(RpcRequest<R> request) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Void> delay(Duration delay) {
                delays.add(delay);
                return CompletableFuture.completedFuture(null);
            }
        };
        limiter.intercept(chain).join();
        return delays.isEmpty() ? Duration.ZERO : delays.get(0);
    }

    private static SendMessage to(dev.mtproto.tl.api.InputPeer peer, long randomId) {
        return SendMessage.builder().peer(peer).message("hi").randomId(randomId).build();
    }

    @Test
    void oneMessagePerSecondPerChatButChatsDoNotWaitForEachOther() {
        RateLimitInterceptor limiter = new RateLimitInterceptor(BotSendingLimits.rules(), now::get);
        InputPeerUser alice = new InputPeerUser(1, 11);
        InputPeerUser bob = new InputPeerUser(2, 22);
        assertThat(delayOf(limiter, to(alice, 1))).isZero();
        assertThat(delayOf(limiter, to(bob, 2))).isZero();
        assertThat(delayOf(limiter, to(alice, 3))).isEqualTo(Duration.ofSeconds(1));
        assertThat(delayOf(limiter, to(alice, 4))).isEqualTo(Duration.ofSeconds(2));
        now.addAndGet(Duration.ofMillis(2500).toNanos());
        assertThat(delayOf(limiter, to(alice, 5))).as("after the reserved ones").isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void twentyPerMinuteInAGroup() {
        RateLimitInterceptor limiter = new RateLimitInterceptor(BotSendingLimits.rules(), now::get);
        InputPeerChat group = new InputPeerChat(7);
        Duration last = Duration.ZERO;
        for (int i = 0; i < 21; i++) {
            last = delayOf(limiter, to(group, i));
            now.addAndGet(Duration.ofSeconds(1).toNanos()); // within the one-per-second rule
        }
        assertThat(last).as("the 21st message within a minute").isEqualTo(Duration.ofSeconds(40)); // the first went at 0 s, this one may go at 60 s
    }

    @Test
    void thirtyPerSecondInAllAndOtherCallsAreNotLimited() {
        RateLimitInterceptor limiter = new RateLimitInterceptor(BotSendingLimits.rules(), now::get);
        for (int i = 0; i < 30; i++) {
            assertThat(delayOf(limiter, to(new InputPeerUser(100 + i, 1), i))).isZero();
        }
        assertThat(delayOf(limiter, to(new InputPeerUser(999, 1), 99))).isEqualTo(Duration.ofSeconds(1));
        for (int i = 0; i < 100; i++) {
            assertThat(delayOf(limiter, GetConfig.INSTANCE)).isZero();
        }
    }
}
