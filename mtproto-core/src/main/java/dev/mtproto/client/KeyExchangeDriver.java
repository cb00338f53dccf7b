package dev.mtproto.client;

import dev.mtproto.keyexchange.ClientKeyExchange;
import dev.mtproto.keyexchange.ClientKeyExchangeResult;
import dev.mtproto.keyexchange.ClientStep;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs the key exchange's state machine over a {@link SocketLink}: the link hands it the DC's plain
 * messages, it computes the answers (RSA, Diffie-Hellman: milliseconds of CPU) off the I/O loop on the
 * worker it is given, one step at a time, and sends them back through the link.
 */
final class KeyExchangeDriver {
    private final ClientKeyExchange exchange;
    private final SocketLink link;
    private final Executor worker;
    private final Consumer<ClientKeyExchangeResult> done;
    private final Consumer<Throwable> failed;

    /**
     * @param exchange a new exchange
     * @param link the connection it runs over
     * @param worker a serial executor off the I/O loops
     * @param done told the result (on the worker)
     * @param failed told why it failed (on the worker); the link is not closed by the driver
     */
    KeyExchangeDriver(ClientKeyExchange exchange, SocketLink link, Executor worker,
                      Consumer<ClientKeyExchangeResult> done, Consumer<Throwable> failed) {
        this.exchange = exchange;
        this.link = link;
        this.worker = worker;
        this.done = done;
        this.failed = failed;
    }

    /** Sends the first message. */
    void start() {
        worker.execute(() -> {
            try {
                link.send(exchange.start());
            } catch (RuntimeException e) {
                failed.accept(e);
            }
        });
    }

    /** @param frame a message from the DC (a copy) */
    void onFrame(byte[] frame) {
        worker.execute(() -> {
            try {
                ClientStep step = exchange.onMessage(frame);
                if (step instanceof ClientStep.Done d) {
                    done.accept(d.result());
                } else if (step instanceof ClientStep.Send s) {
                    link.send(s.payload());
                }
            } catch (RuntimeException e) {
                failed.accept(e);
            }
        });
    }
}
