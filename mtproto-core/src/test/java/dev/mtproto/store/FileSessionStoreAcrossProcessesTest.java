package dev.mtproto.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@link FileSessionStore} per file across processes: a child JVM ({@link SessionFileHolder}) holds the
 * file, and this one is refused with the child's {@code pid@host}, and the other way round; the file is free
 * again once the child closes its store or is killed (the operating system releases the lock).
 */
class FileSessionStoreAcrossProcessesTest {
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    private Process child;
    private BufferedReader childOut;

    private String startChild(Path file) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                SessionFileHolder.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        childOut = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        return nextLine();
    }

    /** The child's next line; a child that says nothing in time fails the test rather than hanging it. */
    private String nextLine() throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return childOut.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopChild() throws Exception {
        if (child != null) {
            child.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private String childHolder() {
        return child.pid() + "@" + SessionFileLock.thisProcess().substring(SessionFileLock.thisProcess().indexOf('@') + 1);
    }

    @Test
    void aFileHeldByAnotherProcessIsRefusedNamingThatProcessAndIsFreeOnceItCloses() throws Exception {
        Path file = dir.resolve("bot.session");
        assertThat(startChild(file)).isEqualTo("open");

        SessionFileLockedException refused = catchThrowableOfType(SessionFileLockedException.class, () -> FileSessionStore.open(file));
        assertThat(refused.file()).isEqualTo(file);
        assertThat(refused.holder()).hasValue(childHolder());
        assertThat(refused.getMessage()).contains("is already open in process " + childHolder())
                .contains("stop that process, or close its store, first").contains(file.toString());

        try (Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
            in.write("close\n");
        }
        assertThat(nextLine()).isEqualTo("closed");
        assertThat(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        try (FileSessionStore store = FileSessionStore.open(file)) {
            assertThat(store.loadHomeDc()).as("what the child saved").hasValue(3);
        }
    }

    @Test
    void aKilledHolderLeavesTheFileFree() throws Exception {
        Path file = dir.resolve("crash.session");
        assertThat(startChild(file)).isEqualTo("open");
        child.destroyForcibly();
        assertThat(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(file.resolveSibling("crash.session.lock")).strip())
                .as("the dead holder's name is left in the lock file").isEqualTo(childHolder());
        try (FileSessionStore store = FileSessionStore.open(file)) {
            assertThat(store.loadHomeDc()).hasValue(3);
        }
    }

    @Test
    void anotherProcessIsRefusedWhileThisOneHoldsTheFile() throws Exception {
        Path file = dir.resolve("mine.session");
        try (FileSessionStore store = FileSessionStore.open(file)) {
            store.saveHomeDc(2);
            assertThat(startChild(file)).isEqualTo("locked " + SessionFileLock.thisProcess());
        }
        assertThat(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }
}
