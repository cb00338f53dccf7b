package dev.mtproto.spring.autoconfigure;

import dev.mtproto.updates.UpdateEngineConfig;

/**
 * Changes how an account's updates are received and dispatched after the properties are applied. Beans of
 * this type are applied in their {@code @Order}.
 */
@FunctionalInterface
public interface UpdateEngineConfigCustomizer {
    /**
     * @param accountName the account
     * @param builder its update engine configuration so far
     */
    void customize(String accountName, UpdateEngineConfig.Builder builder);
}
