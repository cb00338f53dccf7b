package dev.mtproto.testkit.client.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.files.DownloadOptions;
import dev.mtproto.files.DownloadTarget;
import dev.mtproto.files.FileTransfers;
import dev.mtproto.files.RemoteFile;
import dev.mtproto.files.TransferSettings;
import dev.mtproto.files.UploadOptions;
import dev.mtproto.files.UploadSource;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.tl.api.InputDocumentFileLocation;
import dev.mtproto.tl.api.storage.FilePartial;
import dev.mtproto.tl.api.upload.File;
import dev.mtproto.tl.api.upload.GetFile;
import dev.mtproto.tl.api.upload.SaveBigFilePart;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a transfer holds in memory is bounded by its parts in flight, whatever the file's size: 256 MiB go
 * each way through a stream, and at every moment the bytes the DC has served (or the source has given) but the
 * target has not taken (or the DC not received) stay within {@code partsInFlight} parts. Neither end keeps
 * the file: the DC makes each part from its offset and drops what it receives.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TransferMemoryBoundTest {
    private static final int MIB = 1024 * 1024;
    private static final long SIZE = 256L * MIB;
    private static final int PARTS_IN_FLIGHT = 4;

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1));

    private final AtomicLong dcBytes = new AtomicLong();
    private final AtomicLong clientBytes = new AtomicLong();
    private final AtomicLong largestGap = new AtomicLong();
    private MtprotoClient client;
    private FileTransfers transfers;

    @BeforeEach
    void start() {
        TELEGRAM.cluster().handlers().on(GetFile.class, (m, call) -> {
            int length = (int) Math.min(m.limit(), SIZE - m.offset());
            byte[] part = new byte[Math.max(0, length)];
            Arrays.fill(part, markAt(m.offset()));
            dcBytes.addAndGet(part.length);
            return new File(FilePartial.INSTANCE, 0, part);
        });
        TELEGRAM.cluster().handlers().on(SaveBigFilePart.class, (m, call) -> {
            gap(clientBytes.get() - dcBytes.get());
            dcBytes.addAndGet(m.bytes().length);
            return Boolean.TRUE;
        });
        client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build());
        transfers = FileTransfers.create(client, TransferSettings.builder().partsInFlight(PARTS_IN_FLIGHT).lanesPerDc(2).build());
    }

    @AfterEach
    void stop() {
        transfers.close();
        client.close();
    }

    @Test
    void aDownloadHoldsAtMostItsPartsInFlight() {
        OutputStream target = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                long at = clientBytes.get();
                gap(dcBytes.get() - at);
                assertThat(b[off]).as("first byte at %d", at).isEqualTo(markAt(at));
                assertThat(b[off + len - 1]).as("last byte before %d", at + len).isEqualTo(markAt(at + len - 1));
                clientBytes.addAndGet(len);
            }
        };
        RemoteFile file = RemoteFile.of(1, new InputDocumentFileLocation(1, 1, new byte[0], ""), SIZE);

        long bytes = transfers.download(file, DownloadTarget.toStream(target), DownloadOptions.defaults()).result().join().bytes();

        assertThat(bytes).isEqualTo(SIZE);
        assertThat(clientBytes.get()).isEqualTo(SIZE);
        assertThat(largestGap.get()).as("bytes served but not yet written").isLessThanOrEqualTo(PARTS_IN_FLIGHT * (long) MIB);
    }

    @Test
    void anUploadHoldsAtMostItsPartsInFlight() {
        InputStream source = new InputStream() {
            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                long at = clientBytes.get();
                int n = (int) Math.min(len, SIZE - at);
                if (n <= 0) {
                    return -1;
                }
                Arrays.fill(b, off, off + n, markAt(at));
                clientBytes.addAndGet(n);
                return n;
            }
        };

        long size = transfers.upload(UploadSource.of(source, SIZE, "big.bin"), UploadOptions.defaults()).result().join().size();

        assertThat(size).isEqualTo(SIZE);
        assertThat(dcBytes.get()).isEqualTo(SIZE);
        int part = 512 * 1024; // the part size of a file this large
        assertThat(largestGap.get()).as("bytes read from the source but not yet received by the DC")
                .isLessThanOrEqualTo(PARTS_IN_FLIGHT * (long) part);
    }

    private void gap(long bytes) {
        largestGap.accumulateAndGet(bytes, Math::max);
    }

    private static byte markAt(long offset) {
        return (byte) (offset / MIB);
    }
}
