package dev.mtproto.keyexchange;

import java.util.Arrays;
import java.util.Objects;

/**
 * What {@link ServerKeyExchange} produced for a client message. Every step carries an unencrypted message
 * to send back to the client.
 */
public sealed interface ServerStep permits ServerStep.Send, ServerStep.Done, ServerStep.Rejected {

    /**
     * Returns the message to send to the client.
     *
     * @return a copy of the whole unencrypted message, without transport framing
     */
    byte[] payload();

    /**
     * Send {@code payload} and wait for the client's next message ({@code resPQ}, {@code server_DH_params_ok}
     * or {@code dh_gen_retry} was produced).
     *
     * @param payload the message to send
     */
    record Send(byte[] payload) implements ServerStep {
        /**
         * Creates the step.
         *
         * @param payload the message, copied
         */
        public Send {
            payload = Objects.requireNonNull(payload, "payload").clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Send that && Arrays.equals(payload, that.payload);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Send[" + payload.length + " bytes]";
        }
    }

    /**
     * Send {@code payload} ({@code dh_gen_ok}); the key is established.
     *
     * @param payload the message to send
     * @param result the key and its parameters
     */
    record Done(byte[] payload, ServerKeyExchangeResult result) implements ServerStep {
        /**
         * Creates the step.
         *
         * @param payload the message, copied
         * @param result the result
         */
        public Done {
            payload = Objects.requireNonNull(payload, "payload").clone();
            Objects.requireNonNull(result, "result");
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Done that && Arrays.equals(payload, that.payload) && result.equals(that.result);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(payload) + result.hashCode();
        }

        @Override
        public String toString() {
            return "Done[" + payload.length + " bytes, " + result + "]";
        }
    }

    /**
     * Send {@code payload} ({@code server_DH_params_fail} or {@code dh_gen_fail}, as the policy chose); the
     * exchange ended without a key. The client may start again with a new exchange.
     *
     * @param payload the message to send
     */
    record Rejected(byte[] payload) implements ServerStep {
        /**
         * Creates the step.
         *
         * @param payload the message, copied
         */
        public Rejected {
            payload = Objects.requireNonNull(payload, "payload").clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Rejected that && Arrays.equals(payload, that.payload);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Rejected[" + payload.length + " bytes]";
        }
    }
}
