package dev.mtproto.store.string;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.store.SessionStore;
import dev.mtproto.store.SessionStoreContract;
import org.junit.jupiter.api.Test;

/** The whole conformance suite, with every "restart" going through an exported and imported string. */
class StringSessionStoreTest extends SessionStoreContract {

    @Override
    public SessionStore newStore() {
        return StringSessionStore.empty();
    }

    @Override
    public SessionStore reopen(SessionStore store) {
        return StringSessionStore.of(((StringSessionStore) store).exportString());
    }

    @Test
    void toStringNeverShowsTheString() {
        StringSessionStore store = StringSessionStore.empty();
        store.saveAuthorization(2, authorization(2));
        store.saveHomeDc(2);
        String exported = store.exportString();
        assertThat(store.toString()).isEqualTo("StringSessionStore[dcs=[2], homeDc=OptionalInt[2]]")
                .doesNotContain(exported.substring(9, 40));
        assertThat(StringSessionStore.of(exported).toString()).doesNotContain(exported.substring(9, 40));
    }
}
