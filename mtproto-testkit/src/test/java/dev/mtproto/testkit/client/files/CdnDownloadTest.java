package dev.mtproto.testkit.client.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.client.DcAddress;
import dev.mtproto.client.DcOptions;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.files.CdnFileHashMismatchException;
import dev.mtproto.files.DownloadOptions;
import dev.mtproto.files.DownloadTarget;
import dev.mtproto.files.FileTransfers;
import dev.mtproto.files.RemoteFile;
import dev.mtproto.files.TransferSettings;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.testkit.TestCall;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDc;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.tl.api.CdnConfig;
import dev.mtproto.tl.api.CdnPublicKey;
import dev.mtproto.tl.api.FileHash;
import dev.mtproto.tl.api.InputDocumentFileLocation;
import dev.mtproto.tl.api.help.GetCdnConfig;
import dev.mtproto.tl.api.upload.CdnFile;
import dev.mtproto.tl.api.upload.CdnFileReuploadNeeded;
import dev.mtproto.tl.api.upload.FileCdnRedirect;
import dev.mtproto.tl.api.upload.GetCdnFile;
import dev.mtproto.tl.api.upload.GetCdnFileHashes;
import dev.mtproto.tl.api.upload.GetFile;
import dev.mtproto.tl.api.upload.ReuploadCdnFile;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Downloads redirected to a CDN DC (https://core.telegram.org/cdn), end to end: the cluster's DC 3 plays the
 * CDN (listed with the CDN flag only, its RSA key given by {@code help.getCdnConfig}), DC 1 the master DC.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CdnDownloadTest {
    private static final int CDN_DC = 3;
    private static final int HASH_RANGE = 128 * 1024;
    private static final byte[] TOKEN = {7, 7, 7};

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(3));

    private final Random random = new Random(5);
    private final byte[] key = new byte[32];
    private final byte[] iv = new byte[16];
    private byte[] content;
    private byte[] encrypted;
    private volatile int corruptAt = -1;
    private final AtomicInteger reuploadsAsked = new AtomicInteger();
    private final AtomicInteger reuploads = new AtomicInteger();
    private final AtomicInteger hashCalls = new AtomicInteger();
    private final AtomicInteger cdnConfigCalls = new AtomicInteger();
    private MemorySessionStore store;
    private MtprotoClient client;
    private FileTransfers transfers;

    @BeforeEach
    void start() throws Exception {
        random.nextBytes(key);
        random.nextBytes(iv);
        content = new byte[3 * 1024 * 1024 + 4321];
        random.nextBytes(content);
        byte[] counterIv = iv.clone();
        Arrays.fill(counterIv, 12, 16, (byte) 0); // one CTR stream over the whole file: block n at offset 16 n
        Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counterIv));
        encrypted = aes.doFinal(content);

        TestCluster cluster = TELEGRAM.cluster();
        cluster.handlers().on(GetFile.class, (m, call) -> new FileCdnRedirect(CDN_DC, TOKEN, key, iv, hashes(0, 4)));
        cluster.handlers().on(GetCdnConfig.class, (m, call) -> {
            cdnConfigCalls.incrementAndGet();
            return new CdnConfig(List.of(new CdnPublicKey(CDN_DC, cluster.rsaPublicKeyPem())));
        });
        cluster.handlers().on(GetCdnFile.class, this::cdnFile);
        cluster.handlers().on(ReuploadCdnFile.class, (m, call) -> {
            master(call);
            reuploads.incrementAndGet();
            return hashes(0, 2);
        });
        cluster.handlers().on(GetCdnFileHashes.class, (m, call) -> {
            master(call);
            hashCalls.incrementAndGet();
            return hashes(m.offset(), 8);
        });
        List<DcAddress> addresses = new ArrayList<>();
        for (TestDc dc : cluster.dcs()) {
            addresses.add(dc.id() == CDN_DC
                    ? new DcAddress(dc.id(), dc.host(), dc.port(), EnumSet.of(DcAddress.Flag.CDN), Optional.empty())
                    : new DcAddress(dc.id(), dc.host(), dc.port()));
        }
        store = new MemorySessionStore();
        client = MtprotoClient.create(cluster.clientConfig().dcOptions(DcOptions.of(addresses)).sessionStore(store).build());
        transfers = FileTransfers.create(client, TransferSettings.builder().partsInFlight(4).lanesPerDc(2).build());
    }

    @AfterEach
    void stop() {
        transfers.close();
        client.close();
    }

    private static void master(TestCall call) {
        if (call.dcId() == CDN_DC) {
            throw RpcException.of(400, "CDN_METHOD_INVALID", call.method().tlName());
        }
    }

    private Object cdnFile(GetCdnFile m, TestCall call) {
        if (call.dcId() != CDN_DC) {
            throw RpcException.of(400, "METHOD_INVALID", "upload.getCdnFile");
        }
        if (m.offset() == 2 * 512 * 1024 && reuploadsAsked.get() == 0 && wantReupload) {
            reuploadsAsked.incrementAndGet();
            return new CdnFileReuploadNeeded(new byte[] {9});
        }
        int from = (int) Math.min(m.offset(), encrypted.length);
        int to = (int) Math.min(m.offset() + m.limit(), encrypted.length);
        byte[] part = Arrays.copyOfRange(encrypted, from, to);
        if (corruptAt >= from && corruptAt < to) {
            part[corruptAt - from] ^= 0x40;
        }
        return new CdnFile(part);
    }

    private volatile boolean wantReupload;

    private List<FileHash> hashes(long from, int count) {
        List<FileHash> list = new ArrayList<>();
        for (long at = from; at < content.length && list.size() < count; at += HASH_RANGE) {
            int length = (int) Math.min(HASH_RANGE, content.length - at);
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(content, (int) at, length);
                list.add(new FileHash(at, length, sha.digest()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return list;
    }

    private RemoteFile file() {
        return RemoteFile.of(1, new InputDocumentFileLocation(1, 2, new byte[] {1}, ""), content.length);
    }

    @Test
    void aRedirectedDownloadIsDecryptedCheckedAndWhole() {
        byte[] got = transfers.download(file(), DownloadTarget.toBytes(), DownloadOptions.builder().partSize(512 * 1024).build())
                .result().join().content().orElseThrow();
        assertThat(got).isEqualTo(content);
        assertThat(hashCalls.get()).as("more hashes fetched past the first 4 ranges").isPositive();
        assertThat(cdnConfigCalls).as("help.getCdnConfig asked once").hasValue(1);
        assertThat(store.loadAuthorization(CDN_DC)).as("the CDN key is never stored").isEmpty();
        assertThat(store.loadAuthorization(1)).as("the master DC's key is").isPresent();
    }

    @Test
    void aReuploadRequestGoesToTheMasterDcAndThePartIsFetchedAgain() {
        wantReupload = true;
        byte[] got = transfers.download(file(), DownloadTarget.toBytes(), DownloadOptions.builder().partSize(512 * 1024).build())
                .result().join().content().orElseThrow();
        assertThat(got).isEqualTo(content);
        assertThat(reuploadsAsked).hasValue(1);
        assertThat(reuploads).hasValue(1);
    }

    @Test
    void aCorruptedPartIsDetectedAndNamesItsRange() {
        corruptAt = 5 * HASH_RANGE + 77;
        assertThatThrownBy(() -> transfers.download(file(), DownloadTarget.toBytes(),
                DownloadOptions.builder().partSize(256 * 1024).build()).result().join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(CdnFileHashMismatchException.class)
                .satisfies(e -> assertThat(((CdnFileHashMismatchException) e.getCause()).offset()).isEqualTo(5L * HASH_RANGE));
    }
}
