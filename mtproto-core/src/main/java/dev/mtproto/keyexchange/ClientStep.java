package dev.mtproto.keyexchange;

import java.util.Objects;

/**
 * What {@link ClientKeyExchange} wants next after handling a server message: send another message, or
 * nothing because the key is ready.
 */
public sealed interface ClientStep permits ClientStep.Send, ClientStep.Done {

    /**
     * Send the message to the server and pass its answer to {@link ClientKeyExchange#onMessage(byte[])}.
     *
     * @param message the whole unencrypted message, without transport framing
     */
    record Send(EncodedMessage message) implements ClientStep {
        /**
         * Creates the step.
         *
         * @param message the message to send
         * @throws NullPointerException if {@code message} is {@code null}
         */
        public Send {
            Objects.requireNonNull(message, "message");
        }

        /**
         * Returns the bytes of the message to send.
         *
         * @return a copy
         */
        public byte[] payload() {
            return message.bytes();
        }
    }

    /**
     * The server accepted the key ({@code dh_gen_ok} with a matching {@code new_nonce_hash1}); nothing is
     * left to send.
     *
     * @param result the key, the first salt and the time offset
     */
    record Done(ClientKeyExchangeResult result) implements ClientStep {
        /**
         * Creates the step.
         *
         * @param result the key, the first salt and the time offset
         * @throws NullPointerException if {@code result} is {@code null}
         */
        public Done {
            Objects.requireNonNull(result, "result");
        }
    }
}
