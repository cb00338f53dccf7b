package dev.mtproto.spring.client;

import dev.mtproto.telegram.TelegramClient;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every Telegram account of the application, by name, in the order the properties list them. With one
 * account (configured at the top of {@code mtproto.*}) its name is {@value #DEFAULT_NAME}.
 */
public final class TelegramClients implements Iterable<TelegramAccount>, AutoCloseable {
    /** The name of the account configured at the top level of {@code mtproto.*}. */
    public static final String DEFAULT_NAME = "default";

    private final Map<String, TelegramAccount> accounts;

    /**
     * @param accounts the accounts, at least one, names unique
     * @throws IllegalArgumentException if there is none or a name repeats
     */
    public TelegramClients(List<TelegramAccount> accounts) {
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("no Telegram account configured");
        }
        Map<String, TelegramAccount> byName = new LinkedHashMap<>();
        for (TelegramAccount a : accounts) {
            if (byName.putIfAbsent(a.name(), a) != null) {
                throw new IllegalArgumentException("two Telegram accounts are named '" + a.name() + "'");
            }
        }
        this.accounts = java.util.Collections.unmodifiableMap(byName);
    }

    /**
     * @param name an account's name
     * @return its client
     * @throws IllegalArgumentException if no account has that name (the message lists those that exist)
     */
    public TelegramClient get(String name) {
        return account(name).client();
    }

    /**
     * @param name an account's name
     * @return the account
     * @throws IllegalArgumentException if no account has that name (the message lists those that exist)
     */
    public TelegramAccount account(String name) {
        TelegramAccount a = accounts.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no Telegram account is named '" + name + "'; the accounts are " + accounts.keySet()
                    + " (set them under mtproto.clients.<name>, or use '" + DEFAULT_NAME + "' for the one at the top of mtproto.*)");
        }
        return a;
    }

    /** @return the accounts' names, in order */
    public Set<String> names() {
        return accounts.keySet();
    }

    /** @return the accounts, in order */
    public Collection<TelegramAccount> accounts() {
        return accounts.values();
    }

    /** @return how many accounts there are */
    public int size() {
        return accounts.size();
    }

    @Override
    public Iterator<TelegramAccount> iterator() {
        return accounts.values().iterator();
    }

    /**
     * Closes every account's client and then its session store (Spring calls it when the context closes,
     * after the lifecycles stopped). A store that fails to close is logged; the others still close.
     */
    @Override
    public void close() {
        for (TelegramAccount a : accounts.values()) {
            a.client().raw().close();
            try {
                a.client().raw().config().sessionStore().close();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(TelegramClients.class).warn("the session store of Telegram account '{}' did not close cleanly: {}",
                        a.name(), e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "TelegramClients" + accounts.keySet();
    }
}
