package dev.mtproto.spring.autoconfigure;

import dev.mtproto.client.ClientConfigBuilder;

/**
 * Changes an account's client configuration after the properties are applied and before the client is built
 * (add an interceptor, an event listener, a dialer...). Beans of this type are applied in their
 * {@code @Order}.
 */
@FunctionalInterface
public interface MtprotoClientConfigCustomizer {
    /**
     * @param accountName the account ({@code default}, or its key under {@code mtproto.clients})
     * @param builder its configuration so far
     */
    void customize(String accountName, ClientConfigBuilder builder);
}
