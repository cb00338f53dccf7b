package dev.mtproto.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
            Path output = dir.resolve("child-" + kill + ".out");
            startChild(file, output);
            awaitReady(output);
            int pause = random.nextInt(40);
            TimeUnit.MILLISECONDS.sleep(pause);
            child.destroyForcibly();
            assertThat(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            int saved = lastSaved(output);
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
     * Starts a child on the file, its output going to a file (not a pipe: the child never blocks on it, and
     * nothing of it is lost when the child is killed).
     */
    private void startChild(Path file, Path output) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        child = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), SessionSaveLoop.class.getName(), file.toString())
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    /** Waits until the child printed {@code ready}: its store is filled and its loop begins. */
    private void awaitReady(Path output) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!Files.readString(output).startsWith("ready\n")) {
            assertThat(child.isAlive()).as("the child is running").isTrue();
            assertThat(System.nanoTime()).as("the child got ready in time").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    /** The last number the child printed (after a save returned), 0 if none. */
    private static int lastSaved(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output);
        String last = lines.get(lines.size() - 1);
        return last.equals("ready") ? 0 : Integer.parseInt(last);
    }
}
