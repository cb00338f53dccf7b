package dev.mtproto.store;

/** How a conformance test gets the store it tests; implemented once per store by the test class. */
public interface StoreUnderTest {

    /**
     * Returns a new, empty store. Called once or more per test.
     *
     * @return the store
     */
    SessionStore newStore();

    /**
     * Returns the store a restarted process would see: a new instance over the same storage for stores
     * that persist (the earlier instance is closed first, as the ending process would release it, and must
     * not be used afterwards), the same instance for those that do not.
     *
     * @param store a store made by {@link #newStore()} or an earlier reopen
     * @return the store to use from now on
     */
    SessionStore reopen(SessionStore store);
}
