package dev.mtproto.keyexchange;

import java.util.Objects;

/**
 * Decides how a {@link ServerKeyExchange} answers once the client's messages have passed every check, so
 * that tests (and the test DC's fault injection) can make it refuse or ask for retries. The checks
 * themselves are never relaxed by a policy.
 */
@FunctionalInterface
public interface ServerKeyExchangePolicy {

    /**
     * Chooses the answer to a valid {@code set_client_DH_params}. A {@link DhGenAnswer#RETRY} beyond the
     * server's attempt limit is sent as {@link DhGenAnswer#FAIL}.
     *
     * @param attempt 1 for the first {@code set_client_DH_params} of the exchange, 2 after one retry, ...
     * @param authKeyId the id of the key this attempt produced, e.g. to answer {@code dh_gen_retry} when it
     *     collides with a known key
     * @return the answer, not {@code null}
     */
    DhGenAnswer answer(int attempt, long authKeyId);

    /**
     * Tells whether to answer a valid {@code req_DH_params} with {@code server_DH_params_fail}.
     *
     * @return {@code false} unless overridden
     */
    default boolean refuseDhParams() {
        return false;
    }

    /**
     * Returns the normal policy: accept every valid key.
     *
     * @return a policy that always answers {@code dh_gen_ok}
     */
    static ServerKeyExchangePolicy acceptAll() {
        return (attempt, authKeyId) -> DhGenAnswer.OK;
    }

    /**
     * Returns a policy that answers {@code dh_gen_retry} to the first {@code retries} attempts, then
     * {@code dh_gen_ok}.
     *
     * @param retries how many retries to ask for, at least 0
     * @return the policy
     * @throws IllegalArgumentException if {@code retries} is negative
     */
    static ServerKeyExchangePolicy retryFirst(int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
        return (attempt, authKeyId) -> attempt <= retries ? DhGenAnswer.RETRY : DhGenAnswer.OK;
    }

    /**
     * Returns a policy that answers every attempt with the same answer.
     *
     * @param answer the answer
     * @return the policy
     */
    static ServerKeyExchangePolicy always(DhGenAnswer answer) {
        Objects.requireNonNull(answer, "answer");
        return (attempt, authKeyId) -> answer;
    }

    /**
     * Returns a policy that answers every valid {@code req_DH_params} with {@code server_DH_params_fail}.
     *
     * @return the policy
     */
    static ServerKeyExchangePolicy refuseDhParamsAlways() {
        return new ServerKeyExchangePolicy() {
            @Override
            public DhGenAnswer answer(int attempt, long authKeyId) {
                return DhGenAnswer.FAIL;
            }

            @Override
            public boolean refuseDhParams() {
                return true;
            }
        };
    }
}
