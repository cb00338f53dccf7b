package dev.mtproto.client;

import dev.mtproto.session.OutgoingCall;
import dev.mtproto.session.RequestTimeoutException;
import dev.mtproto.tl.mtproto.PingDelayDisconnect;
import java.net.SocketTimeoutException;

/**
 * The keep-alive of one connection (https://core.telegram.org/mtproto/service_messages#deferred-connection-closure--ping):
 * every ping interval a {@code ping_delay_disconnect} that also asks the DC to close the connection if the
 * client falls silent for 15 s longer; no pong within the interval closes the link, and the next one
 * resends what was in flight.
 */
final class KeepAlive {
    private static final int DISCONNECT_MARGIN_SECONDS = 15;

    private final DcConnection connection;
    private final ClientConfig config;

    KeepAlive(DcConnection connection, ClientConfig config) {
        this.connection = connection;
        this.config = config;
    }

    /** On the timer: pings if the connection carries a session. */
    void ping() {
        SocketLink pinged = connection.currentLink();
        if (pinged == null || connection.supervision().state() != ConnectionState.CONNECTED) {
            return;
        }
        long interval = config.pingInterval().toSeconds();
        long started = System.nanoTime();
        PingDelayDisconnect method = new PingDelayDisconnect(started, (int) interval + DISCONNECT_MARGIN_SECONDS);
        OutgoingCall<?> ping = new OutgoingCall<>(method, method.tlName(), OutgoingCall.deadlineAfter(config.pingInterval()));
        ping.future().whenComplete((pong, error) -> {
            if (error == null) {
                connection.supervision().pingAnswered(System.nanoTime() - started);
            } else if (error instanceof RequestTimeoutException && connection.currentLink() == pinged) {
                pinged.close(new SocketTimeoutException("no pong within " + interval + " s"));
            }
        });
        try {
            connection.submit(ping);
        } catch (ClientClosedException e) {
            // closed meanwhile
        }
    }
}
