package dev.mtproto.keyexchange;

import java.util.Objects;

/**
 * What {@link ServerKeyExchange} produced for a client message. Every step carries an unencrypted message
 * to send back to the client.
 */
public sealed interface ServerStep permits ServerStep.Send, ServerStep.Done, ServerStep.Rejected {

    /**
     * Returns the message to send to the client.
     *
     * @return the whole unencrypted message, without transport framing
     */
    EncodedMessage message();

    /**
     * Returns the bytes of the message to send to the client.
     *
     * @return a copy of {@link #message()}'s bytes
     */
    default byte[] payload() {
        return message().bytes();
    }

    /**
     * Send the message and wait for the client's next one ({@code resPQ}, {@code server_DH_params_ok} or
     * {@code dh_gen_retry} was produced).
     *
     * @param message the message to send
     */
    record Send(EncodedMessage message) implements ServerStep {
        /**
         * Creates the step.
         *
         * @param message the message to send
         * @throws NullPointerException if {@code message} is {@code null}
         */
        public Send {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Send the message ({@code dh_gen_ok}); the key is established.
     *
     * @param message the message to send
     * @param result the key and its parameters
     */
    record Done(EncodedMessage message, ServerKeyExchangeResult result) implements ServerStep {
        /**
         * Creates the step.
         *
         * @param message the message to send
         * @param result the result
         * @throws NullPointerException if an argument is {@code null}
         */
        public Done {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * Send the message ({@code server_DH_params_fail} or {@code dh_gen_fail}, as the policy chose); the
     * exchange ended without a key. The client may start again with a new exchange.
     *
     * @param message the message to send
     */
    record Rejected(EncodedMessage message) implements ServerStep {
        /**
         * Creates the step.
         *
         * @param message the message to send
         * @throws NullPointerException if {@code message} is {@code null}
         */
        public Rejected {
            Objects.requireNonNull(message, "message");
        }
    }
}
