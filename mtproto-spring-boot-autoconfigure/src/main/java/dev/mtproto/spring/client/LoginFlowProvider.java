package dev.mtproto.spring.client;

import dev.mtproto.auth.LoginFlow;
import java.util.Optional;

/**
 * Gives the {@link LoginFlow} that asks a person for their code and password when an account configured with
 * {@code mtproto.phone} has no signed-in session yet. The auto-configuration offers one that uses a
 * {@code LoginFlow} bean if there is one, else the console when the application has one.
 */
@FunctionalInterface
public interface LoginFlowProvider {
    /**
     * @param accountName the account that needs to sign in
     * @return its flow, or empty if nobody can answer (the application then fails to start, saying how to
     *     create the session)
     */
    Optional<LoginFlow> loginFlow(String accountName);
}
