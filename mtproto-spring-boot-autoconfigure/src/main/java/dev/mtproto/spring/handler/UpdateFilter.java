package dev.mtproto.spring.handler;

import dev.mtproto.spring.client.TelegramAccount;
import dev.mtproto.telegram.TelegramUpdate;

/**
 * A custom condition for {@link UpdateHandler#filters()}: a bean (or a class with a no-argument constructor)
 * that says whether a method gets an update. Called on the dispatch threads, so it must be quick and
 * thread-safe.
 */
@FunctionalInterface
public interface UpdateFilter {
    /**
     * @param update the update
     * @param account the account that received it
     * @return whether the method gets it
     */
    boolean test(TelegramUpdate update, TelegramAccount account);
}
