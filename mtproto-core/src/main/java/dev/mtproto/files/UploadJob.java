package dev.mtproto.files;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.DcRole;
import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.api.InputFile;
import dev.mtproto.tl.api.InputFileBig;
import dev.mtproto.tl.api.upload.SaveBigFilePart;
import dev.mtproto.tl.api.upload.SaveFilePart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.TreeSet;
import java.util.concurrent.Executor;

/**
 * One upload (https://core.telegram.org/api/files#uploading-files): the source read part after part in order,
 * up to {@link TransferSettings#partsInFlight()} parts sent and unconfirmed at once (so at most that many
 * parts in memory), spread over the home DC's upload lanes; {@code upload.saveFilePart} and the MD5 of the
 * whole content for a file up to 10 MiB, {@code upload.saveBigFilePart} with the part count above. Parts
 * of a resume handle are not sent again. Done when the DC has confirmed every part.
 */
final class UploadJob extends TransferJob<UploadedFile> implements UploadTask {
    private final UploadSource source;
    private final PartCaller caller;
    private final int lanes;
    private final int window;
    private final long fileId;
    private final int partSize;
    private final int totalParts;
    private final boolean big;
    private final Pump pump;
    private final int dc;

    /** Guarded by this. */
    private final BitSet confirmed = new BitSet();
    private int inFlight;
    /** Only touched by the pump. */
    private int nextPart;
    private PartReader reader;
    private MessageDigest md5;
    private String md5Hex;
    private boolean closed;

    UploadJob(UploadSource source, UploadOptions options, PartCaller caller, TransferSettings settings, Executor executor,
              long randomFileId) {
        super("upload of " + source.fileName(), source.size(), options.progress());
        this.source = source;
        this.caller = caller;
        this.lanes = settings.lanesPerDc();
        this.window = settings.partsInFlight();
        this.dc = caller.client().homeDc();
        this.big = PartRules.big(source.size());
        if (options.resume().isPresent()) {
            UploadResume r = options.resume().get();
            if (r.size() != source.size()) {
                throw new IllegalArgumentException("the resume handle is for " + r.size() + " bytes, the source has " + source.size());
            }
            this.fileId = r.fileId();
            this.partSize = r.partSize();
            r.confirmedParts().forEach(confirmed::set);
        } else {
            this.fileId = randomFileId;
            this.partSize = options.partSize() != 0 ? options.partSize() : PartRules.uploadPartSize(source.size());
        }
        this.totalParts = PartRules.partCount(source.size(), partSize);
        if (totalParts > PartRules.MAX_UPLOAD_PARTS) {
            throw new IllegalArgumentException(source.size() + " bytes in parts of " + partSize + " make " + totalParts
                    + " parts, more than the " + PartRules.MAX_UPLOAD_PARTS + " Telegram takes");
        }
        this.pump = new Pump(executor, this::step);
    }

    /** Starts reading and sending. */
    void start() {
        long already = 0;
        synchronized (this) {
            for (int p = confirmed.nextSetBit(0); p >= 0; p = confirmed.nextSetBit(p + 1)) {
                already += partLength(p);
            }
        }
        if (already > 0) {
            advance(already);
        }
        pump.kick();
    }

    @Override
    public synchronized UploadResume resumeHandle() {
        TreeSet<Integer> parts = new TreeSet<>();
        confirmed.stream().forEach(parts::add);
        return new UploadResume(fileId, partSize, source.size(), parts);
    }

    private int partLength(int part) {
        return (int) Math.min(partSize, source.size() - (long) part * partSize);
    }

    /** The pump's step: read and send while the window has room; finish when every part is confirmed. */
    private void step() {
        if (stopped()) {
            closeReader();
            return;
        }
        try {
            if (reader == null) {
                reader = PartReader.open(source);
                md5 = big ? null : md5();
            }
            while (!stopped()) {
                int part;
                synchronized (this) {
                    if (nextPart == totalParts) {
                        if (confirmed.cardinality() == totalParts) {
                            finish();
                        }
                        return;
                    }
                    if (inFlight >= window) {
                        return;
                    }
                    part = nextPart++;
                }
                readAndSend(part);
            }
        } catch (IOException e) {
            fail(new UncheckedIOException("reading " + source.fileName() + " failed", e));
        } catch (RuntimeException e) {
            fail(e);
        }
        if (stopped()) {
            closeReader();
        }
    }

    private void readAndSend(int part) throws IOException {
        int length = partLength(part);
        boolean have;
        synchronized (this) {
            have = confirmed.get(part);
        }
        if (have && md5 == null) {
            reader.skip(length);
        } else {
            byte[] bytes = reader.read(length);
            if (md5 != null) {
                md5.update(bytes);
            }
            if (!have) {
                synchronized (this) {
                    inFlight++;
                }
                send(part, bytes);
            }
        }
        if (part == totalParts - 1) {
            md5Hex = md5 == null ? null : HexFormat.of().formatHex(md5.digest());
            closeReader();
        }
    }

    private void send(int part, byte[] bytes) {
        TlMethod<Boolean> method = big ? new SaveBigFilePart(fileId, part, totalParts, bytes) : new SaveFilePart(fileId, part, bytes);
        ConnectionId lane = new ConnectionId(dc, DcRole.UPLOAD, part % lanes);
        caller.call(this, "part " + part, () -> lane, method).whenComplete((ok, error) -> {
            if (error != null) {
                fail(error);
                return;
            }
            if (!Boolean.TRUE.equals(ok)) {
                fail(new FilePartException((long) part * partSize, "the DC did not store part " + part + " (it answered false)"));
                return;
            }
            synchronized (this) {
                confirmed.set(part);
                inFlight--;
            }
            advance(bytes.length);
            pump.kick();
        });
    }

    private void finish() {
        String name = source.fileName();
        UploadedFile file = big
                ? new UploadedFile(new InputFileBig(fileId, totalParts, name), name, source.size(), true)
                : new UploadedFile(new InputFile(fileId, totalParts, name, md5Hex), name, source.size(), false);
        succeed(file);
    }

    private void closeReader() {
        if (reader != null && !closed) {
            closed = true;
            try {
                reader.close();
            } catch (IOException e) {
                // the content was read; a failing close changes nothing for the upload
            }
        }
    }

    @Override
    void ended() {
        pump.kick();
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
