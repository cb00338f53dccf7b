package dev.mtproto.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (SIGKILL, {@link Process#destroyForcibly()}) in the middle of a save loop
 * ({@link SessionSaveLoop}) leaves a session file that opens and holds either the last version whose save
 * returned or the one being saved, never a torn or lost file, and the file's lock is free again. Each child
 * starts from a cleared file, so its own numbering is the only history. Repeated
 * with kills at random moments (seeded, so a failure can be replayed).
 */
class FileSessionStoreKilledMidSaveTest {
    private static final int KILLS = 14;
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    private Process child;

    @AfterEach
    void stopChild() throws InterruptedException {
        if (child != null) {
            child.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void aProcessKilledWhileSavingLeavesThePreviousOrTheNewVersion() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path file = dir.resolve("killed.session");
        int killedAfterSaving = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            AtomicInteger lastSaved = new AtomicInteger(-1);
            CompletableFuture<Void> ready = new CompletableFuture<>();
            CompletableFuture<Void> drained = startChild(file, lastSaved, ready);
            ready.get(WAIT_SECONDS, TimeUnit.SECONDS);
            int pause = random.nextInt(40);
            TimeUnit.MILLISECONDS.sleep(pause);
            child.destroyForcibly();
            assertThat(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            drained.get(WAIT_SECONDS, TimeUnit.SECONDS);
            int saved = Math.max(lastSaved.get(), 0);
            killedAfterSaving = Math.max(killedAfterSaving, saved);
            String replay = "kill " + kill + " after " + pause + " ms, last save returned " + saved + ", seed " + seed;
            try (FileSessionStore store = FileSessionStore.open(file)) {
                int found = store.loadUpdateState().map(UpdateState::pts).orElse(0);
                assertThat(found).as(replay).isBetween(saved, saved + 1);
                if (found > 0) {
                    assertThat(store.loadUpdateState()).as(replay).contains(new UpdateState(found, found, found, found));
                }
                assertThat(store.loadChannelPts()).as(replay).hasSize(SessionSaveLoop.FILLER_CHANNELS);
                for (int dc = 1; dc <= SessionSaveLoop.FILLER_DCS; dc++) {
                    assertThat(store.loadAuthorization(dc)).as(replay).contains(SessionStoreContract.authorization(dc));
                }
                store.clear();
            }
        }
        assertThat(killedAfterSaving).as("some child was killed in its loop, after saves").isPositive();
    }

    /**
     * Starts a child on the file; a thread reads its output to the end (so that it never blocks on a full
     * pipe), completing {@code ready} on its first line and keeping the last number it printed.
     */
    private CompletableFuture<Void> startChild(Path file, AtomicInteger lastSaved, CompletableFuture<Void> ready)
            throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        child = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), SessionSaveLoop.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.runAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals("ready")) {
                        ready.complete(null);
                    } else {
                        lastSaved.set(Integer.parseInt(line));
                    }
                }
                ready.complete(null);
            } catch (IOException e) {
                ready.completeExceptionally(e);
                throw new UncheckedIOException(e);
            }
        });
    }
}
