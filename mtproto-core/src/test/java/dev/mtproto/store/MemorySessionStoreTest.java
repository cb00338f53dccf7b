package dev.mtproto.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemorySessionStoreTest extends SessionStoreContract {

    @Override
    public SessionStore newStore() {
        return new MemorySessionStore();
    }

    @Override
    public SessionStore reopen(SessionStore store) {
        return store;
    }

    @Test
    void separateInstancesShareNothing() {
        SessionStore first = newStore();
        first.saveAuthorization(2, authorization(2));
        first.saveHomeDc(2);
        SessionStore second = newStore();
        assertThat(second.loadAuthorization(2)).isEmpty();
        assertThat(second.loadHomeDc()).isEmpty();
    }

    @Test
    void toStringListsStoredDcs() {
        SessionStore store = newStore();
        store.saveAuthorization(4, authorization(4));
        store.saveAuthorization(2, authorization(2));
        store.saveHomeDc(2);
        assertThat(store).hasToString("MemorySessionStore[dcs=[2, 4], homeDc=OptionalInt[2]]");
    }
}
