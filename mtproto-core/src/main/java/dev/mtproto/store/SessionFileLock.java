package dev.mtproto.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating-system lock a {@link FileSessionStore} holds on its file while it is open: an exclusive
 * {@link FileLock} on a lock file beside the session file, {@code <name>.lock}, created owner-only, into
 * which the holder writes {@code pid@host} so that a refused opener can say who has the file. The lock is
 * released by {@link #release()}, or by the operating system when the process ends, however it ends. The
 * lock file itself stays (emptied): deleting it would let a later opener lock a file that another one is
 * about to replace.
 */
final class SessionFileLock {
    private static final Logger log = LoggerFactory.getLogger(SessionFileLock.class);
    private static final int MAX_HOLDER_LENGTH = 200;

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private SessionFileLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks a session file, creating the lock file and its missing directories ({@code 700}) if needed.
     *
     * @param file the session file, named in exceptions
     * @param lockFile the lock file beside it
     * @return the held lock
     * @throws SessionFileLockedException if another store, in this process or another, holds it
     * @throws SessionFileException if the lock file cannot be created or locked
     */
    static SessionFileLock acquire(Path file, Path lockFile) {
        try {
            OwnerOnlyPermissions.createDirectories(lockFile.getParent());
        } catch (IOException e) {
            throw failure(file, "cannot create its directory " + lockFile.getParent(), e);
        }
        FileAttribute<?>[] ownerOnly = OwnerOnlyPermissions.ownerOnlyFile(lockFile);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), ownerOnly);
        } catch (IOException e) {
            throw failure(file, "cannot create or open the lock file " + lockFile + " beside it (is the directory writable?)", e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            throw refused(file, lockFile, channel, true);
        } catch (IOException e) {
            closeQuietly(channel);
            throw failure(file, "cannot lock " + lockFile, e);
        }
        if (lock == null) {
            throw refused(file, lockFile, channel, false);
        }
        try {
            byte[] holder = (HolderName.thisProcess() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder), 0);
            channel.force(false);
        } catch (IOException e) {
            closeQuietly(channel);
            throw failure(file, "cannot write the lock file " + lockFile, e);
        }
        return new SessionFileLock(lockFile, channel, lock);
    }

    /** Empties the lock file and releases the lock; never throws (a failure is logged, the lock is released anyway). */
    void release() {
        try {
            channel.truncate(0);
        } catch (IOException e) {
            log.debug("could not empty lock file {}", lockFile, e);
        }
        try {
            lock.release();
        } catch (IOException e) {
            log.debug("could not release the lock on {}; closing the file releases it", lockFile, e);
        }
        closeQuietly(channel);
    }

    /** @return {@code pid@host} of this process, as this class writes it into lock files */
    static String thisProcess() {
        return HolderName.thisProcess();
    }

    private static SessionFileLockedException refused(Path file, Path lockFile, FileChannel channel, boolean thisProcess) {
        String holder = readHolder(channel);
        closeQuietly(channel);
        return new SessionFileLockedException(file, lockFile, holder, thisProcess);
    }

    /** What the holder wrote, if it can be read and is plain text; {@code null} otherwise. */
    private static String readHolder(FileChannel channel) {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_HOLDER_LENGTH);
        try {
            channel.read(buffer, 0);
        } catch (IOException e) {
            return null; // Windows does not let others read a locked region
        }
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        return text.isEmpty() || !text.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? null : text;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("could not close a lock file", e);
        }
    }

    private static SessionFileException failure(Path file, String step, IOException cause) {
        return new SessionFileException(file, "Cannot open session file " + file + ": " + step + " ("
                + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ").", cause);
    }
}
