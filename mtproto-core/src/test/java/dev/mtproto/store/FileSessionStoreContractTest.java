package dev.mtproto.store;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FileSessionStore} against the rules every store keeps ({@link SessionStoreContract}): each test's
 * store is a new file, and a restart opens a new store on the same file after closing the earlier one. The
 * file store's own rules are in the other {@code FileSessionStore*Test} classes.
 */
class FileSessionStoreContractTest extends SessionStoreContract {
    @TempDir
    Path dir;

    @RegisterExtension
    final SessionFileFixture stores = new SessionFileFixture();

    @Override
    public SessionStore newStore() {
        return stores.open(stores.newFile(dir));
    }

    @Override
    public SessionStore reopen(SessionStore store) {
        return stores.open(((FileSessionStore) store).file());
    }
}
