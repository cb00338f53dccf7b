package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.FileTransfer.KIB;
import static dev.mtproto.testkit.world.FileTransfer.MIB;
import static dev.mtproto.testkit.world.FileTransfer.bytes;
import static dev.mtproto.testkit.world.FileTransfer.location;
import static dev.mtproto.testkit.world.FileTransfer.sendDocument;
import static dev.mtproto.testkit.world.FileTransfer.uploadSmall;
import static dev.mtproto.testkit.world.WorldClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.DcAddress;
import dev.mtproto.client.DcRole;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.api.CdnConfig;
import dev.mtproto.tl.api.CdnPublicKey;
import dev.mtproto.tl.api.Config;
import dev.mtproto.tl.api.DcOption;
import dev.mtproto.tl.api.Document;
import dev.mtproto.tl.api.FileHash;
import dev.mtproto.tl.api.FileHashType;
import dev.mtproto.tl.api.help.GetCdnConfig;
import dev.mtproto.tl.api.help.GetConfig;
import dev.mtproto.tl.api.upload.CdnFile;
import dev.mtproto.tl.api.upload.CdnFileReuploadNeeded;
import dev.mtproto.tl.api.upload.File;
import dev.mtproto.tl.api.upload.FileCdnRedirect;
import dev.mtproto.tl.api.upload.GetCdnFile;
import dev.mtproto.tl.api.upload.GetCdnFileHashes;
import dev.mtproto.tl.api.upload.GetFile;
import dev.mtproto.tl.api.upload.ReuploadCdnFile;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CDN DC (https://core.telegram.org/cdn): its own RSA key in {@code help.getCdnConfig}, redirects for
 * the files it serves, re-upload requests, AES-256-CTR parts whose plain bytes match the master DC's SHA-256
 * hashes of 128 KiB parts, a corrupted part, and every error.
 */
class CdnTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1).cdnDc(true));

    private static WorldClient alice;
    private static MtprotoClient cdnClient;

    @BeforeAll
    static void signIn() {
        Account a = new WorldPeople(TELEGRAM.cluster(), "1476").person("Alice");
        alice = WorldClient.signedIn(TELEGRAM.cluster(), a);
        cdnClient = MtprotoClient.create(TELEGRAM.cluster().clientConfig().addRsaKey(TELEGRAM.cluster().cdnRsaPublicKey().orElseThrow())
                .build());
    }

    private static <R> R onCdn(TlMethod<R> method) {
        return cdnClient.invoke(new ConnectionId(TestCluster.CDN_DC_ID, DcRole.CDN), method, Duration.ofSeconds(10)).join();
    }

    private static RpcException cdnError(TlMethod<?> method) {
        try {
            onCdn(method);
        } catch (CompletionException e) {
            return (RpcException) e.getCause();
        }
        throw new AssertionError("the call succeeded");
    }

    private static byte[] decrypt(FileCdnRedirect r, long offset, byte[] bytes) throws Exception {
        byte[] iv = r.encryptionIv();
        ByteBuffer.wrap(iv, 12, 4).putInt((int) (offset / 16)); // https://core.telegram.org/cdn#decrypting-files
        Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(r.encryptionKey(), "AES"), new IvParameterSpec(iv));
        return aes.doFinal(bytes);
    }

    private static byte[] sha256(byte[] data, int from, int to) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(data, from, to));
    }

    @Test
    void theCdnDcIsAnnouncedWithItsOwnKey() {
        TestCluster telegram = TELEGRAM.cluster();
        CdnConfig config = (CdnConfig) alice.call(GetCdnConfig.INSTANCE);
        assertThat(config.publicKeys()).containsExactly(new CdnPublicKey(TestCluster.CDN_DC_ID, telegram.cdnRsaPublicKeyPem().orElseThrow()));
        assertThat(telegram.cdnRsaPublicKey().orElseThrow()).isNotEqualTo(telegram.rsaPublicKey());
        Config c = (Config) alice.call(GetConfig.INSTANCE);
        assertThat(c.dcOptions()).filteredOn(o -> ((DcOption) o).cdn()).extracting(o -> ((DcOption) o).id()).containsExactly(203);
        assertThat(telegram.dcOptions().all()).filteredOn(a -> a.has(DcAddress.Flag.CDN)).hasSize(1);
        assertThat(telegram.dcs()).as("not a DC accounts live on").hasSize(1);
    }

    @Test
    void aCdnFileIsRedirectedReuploadedAndServedEncrypted() throws Exception {
        byte[] data = bytes(300 * KIB + 5, 51);
        Document d = sendDocument(alice, uploadSmall(alice, data, 64 * KIB, "cdn.bin"), "a/b");
        TELEGRAM.cluster().world().files().serveFromCdn(d.id());

        File direct = (File) alice.call(new GetFile(false, false, location(d), 0, MIB));
        assertThat(direct.bytes()).as("a client without cdn_supported gets the bytes").isEqualTo(data);
        FileCdnRedirect r = (FileCdnRedirect) alice.call(new GetFile(false, true, location(d), 0, MIB));
        assertThat(r.dcId()).isEqualTo(TestCluster.CDN_DC_ID);
        assertThat(r.encryptionKey()).hasSize(32);
        assertThat(r.encryptionIv()).hasSize(16);
        assertThat(r.fileHashes()).extracting(h -> ((FileHash) h).offset()).containsExactly(0L, 128L * KIB, 256L * KIB);
        assertThat(((FileHash) r.fileHashes().get(2)).limit()).isEqualTo(44 * KIB + 5);

        var needed = (CdnFileReuploadNeeded) onCdn(new GetCdnFile(r.fileToken(), 0, 128 * KIB));
        assertError(alice.error(new ReuploadCdnFile(r.fileToken(), new byte[] {1})), 400, "REQUEST_TOKEN_INVALID");
        List<FileHashType> all = alice.call(new ReuploadCdnFile(r.fileToken(), needed.requestToken()));
        assertThat(all).isEqualTo(r.fileHashes());

        for (int part = 0; part < 3; part++) {
            int offset = part * 128 * KIB;
            byte[] plain = decrypt(r, offset, ((CdnFile) onCdn(new GetCdnFile(r.fileToken(), offset, 128 * KIB))).bytes());
            assertThat(plain).isEqualTo(Arrays.copyOfRange(data, offset, Math.min(data.length, offset + 128 * KIB)));
            assertThat(sha256(data, offset, Math.min(data.length, offset + 128 * KIB))).isEqualTo(((FileHash) all.get(part)).hash());
        }
        byte[] whole = decrypt(r, 0, ((CdnFile) onCdn(new GetCdnFile(r.fileToken(), 0, MIB))).bytes());
        assertThat(whole).isEqualTo(data);
        List<FileHashType> fromPart1 = alice.call(new GetCdnFileHashes(r.fileToken(), 128 * KIB));
        assertThat(fromPart1).isEqualTo(all.subList(1, 3));
    }

    @Test
    void aCorruptedPartNoLongerMatchesItsHash() throws Exception {
        byte[] data = bytes(256 * KIB, 52);
        Document d = sendDocument(alice, uploadSmall(alice, data, 128 * KIB, "bad.bin"), "a/b");
        TELEGRAM.cluster().world().files().serveFromCdn(d.id());
        TELEGRAM.cluster().world().files().cdnRequiresReupload(false);
        TELEGRAM.cluster().world().files().corruptCdnPart(d.id(), 130 * KIB);
        FileCdnRedirect r = (FileCdnRedirect) alice.call(new GetFile(false, true, location(d), 0, MIB));
        byte[] plain = decrypt(r, 0, ((CdnFile) onCdn(new GetCdnFile(r.fileToken(), 0, 256 * KIB))).bytes());
        byte[] part0 = MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(plain, 0, 128 * KIB));
        byte[] part1 = MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(plain, 128 * KIB, 256 * KIB));
        assertThat(part0).isEqualTo(((FileHash) r.fileHashes().get(0)).hash());
        assertThat(part1).as("the corrupted part").isNotEqualTo(((FileHash) r.fileHashes().get(1)).hash());
    }

    @Test
    void filesOverASizeGoToTheCdn() {
        TELEGRAM.cluster().world().files().serveFromCdnOver(100 * KIB);
        Document small = sendDocument(alice, uploadSmall(alice, bytes(50 * KIB, 53), 64 * KIB, "s"), "a/b");
        Document big = sendDocument(alice, uploadSmall(alice, bytes(150 * KIB, 54), 64 * KIB, "b"), "a/b");
        assertThat(alice.call(new GetFile(false, true, location(small), 0, MIB))).isInstanceOf(File.class);
        assertThat(alice.call(new GetFile(false, true, location(big), 0, MIB))).isInstanceOf(FileCdnRedirect.class);
    }

    @Test
    void errors() {
        assertError(cdnError(new GetCdnFile(new byte[32], 0, 4 * KIB)), 400, "FILE_TOKEN_INVALID");
        assertError(cdnError(WorldClient.GET_ME), 400, "CDN_METHOD_INVALID");
        assertError(alice.error(new GetCdnFileHashes(new byte[32], 0)), 400, "FILE_TOKEN_INVALID");
        Document d = sendDocument(alice, uploadSmall(alice, bytes(10 * KIB, 55), 4 * KIB, "e"), "a/b");
        TELEGRAM.cluster().world().files().serveFromCdn(d.id());
        TELEGRAM.cluster().world().files().cdnRequiresReupload(false);
        FileCdnRedirect r = (FileCdnRedirect) alice.call(new GetFile(false, true, location(d), 0, MIB));
        assertError(cdnError(new GetCdnFile(r.fileToken(), 1024, 4 * KIB)), 400, "OFFSET_INVALID");
        assertError(cdnError(new GetFile(false, false, location(d), 0, MIB)), 400, "CDN_METHOD_INVALID");
    }
}
