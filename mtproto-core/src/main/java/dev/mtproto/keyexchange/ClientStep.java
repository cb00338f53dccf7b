package dev.mtproto.keyexchange;

import java.util.Objects;

/**
 * What {@link ClientKeyExchange} wants next after handling a server message: send another message, or
 * nothing because the key is ready.
 */
public sealed interface ClientStep permits ClientStep.Send, ClientStep.Done {

    /**
     * Send {@code payload} (an unencrypted message) to the server and pass its answer to
     * {@link ClientKeyExchange#onMessage(byte[])}.
     *
     * @param payload the whole unencrypted message, without transport framing
     */
    record Send(byte[] payload) implements ClientStep {
        /**
         * Creates the step.
         *
         * @param payload the message, copied
         */
        public Send {
            payload = Objects.requireNonNull(payload, "payload").clone();
        }

        /**
         * Returns the message to send.
         *
         * @return a copy
         */
        @Override
        public byte[] payload() {
            return payload.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Send that && java.util.Arrays.equals(payload, that.payload);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Send[" + payload.length + " bytes]";
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
