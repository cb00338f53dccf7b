package dev.mtproto.store;

import static dev.mtproto.store.SessionFileFixture.tempFiles;
import static dev.mtproto.store.SessionStoreContract.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One file over time: a new store sees what an earlier one saved, reads are served from what the store read
 * at opening, a save of an equal value writes nothing, and stores opened one after the other on the file
 * never corrupt it (the last writer wins).
 */
class FileSessionStoreRestartTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final SessionFileFixture stores = new SessionFileFixture();

    @Test
    void aNewInstanceSeesWhatAnEarlierOneSaved() {
        FileSessionStore first = stores.open(dir.resolve("restart.session"));
        first.saveAuthorization(2, authorization(2));
        first.saveAuthorization(1, authorization(1));
        first.saveHomeDc(2);

        FileSessionStore second = stores.open(dir.resolve("restart.session"));
        assertThat(second.loadAuthorization(2)).contains(authorization(2));
        assertThat(second.loadAuthorization(1)).contains(authorization(1));
        assertThat(second.loadHomeDc()).hasValue(2);
    }

    @Test
    void servesReadsFromWhatItRead() throws Exception {
        Path file = stores.writtenFile(dir);
        FileSessionStore store = stores.open(file);
        assertThat(store.loadHomeDc()).hasValue(2);
        Files.writeString(file, "garbage");
        assertThat(store.loadAuthorization(2)).contains(authorization(2));
    }

    @Test
    void savingAnEqualValueDoesNotRewriteTheFile() throws Exception {
        Path file = stores.writtenFile(dir);
        FileSessionStore store = stores.open(file);
        Object before = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        assumeTrue(before != null, "the file system reports file keys");

        store.saveAuthorization(2, authorization(2));
        store.saveHomeDc(2);
        store.deleteAuthorization(3);
        assertThat(Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .isEqualTo(before);

        store.saveHomeDc(4);
        assertThat(Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .as("a real change replaces the file by a rename").isNotEqualTo(before);
    }

    @Test
    void twoInstancesOneAfterTheOtherNeverCorruptItAndTheLastWriterWins() throws Exception {
        Path file = dir.resolve("shared.session");
        FileSessionStore a = stores.open(file);
        a.saveAuthorization(1, authorization(1));
        FileSessionStore b = stores.open(file);
        assertThat(b.loadAuthorization(1)).contains(authorization(1));
        b.saveAuthorization(2, authorization(2));
        b.saveHomeDc(1);

        FileSessionStore reader = stores.open(file);
        assertThat(reader.loadAuthorization(1)).contains(authorization(1));
        assertThat(reader.loadAuthorization(2)).contains(authorization(2));
        assertThat(reader.loadHomeDc()).hasValue(1);

        List<Thread> writers = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < 40; i++) {
                        reader.saveAuthorization(3, authorization(300 + i));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            writers.add(writer);
            writer.start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(failures).isEmpty();
        assertThat(stores.open(file).loadAuthorization(3)).contains(authorization(339));
        assertThat(tempFiles(dir)).isEmpty();
    }
}
