package dev.mtproto.testkit.telegram;

import dev.mtproto.testkit.TestImages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.client.event.CallInfo;
import dev.mtproto.client.event.ClientEventListener;
import dev.mtproto.files.DownloadOptions;
import dev.mtproto.files.DownloadResult;
import dev.mtproto.files.DownloadTarget;
import dev.mtproto.files.FileReferenceException;
import dev.mtproto.files.PartRules;
import dev.mtproto.files.RemoteFile;
import dev.mtproto.telegram.ChatKind;
import dev.mtproto.telegram.ChatRef;
import dev.mtproto.telegram.MessageView;
import dev.mtproto.telegram.SentMessage;
import dev.mtproto.telegram.TelegramClient;
import dev.mtproto.telegram.media.Album;
import dev.mtproto.telegram.media.Dimensions;
import dev.mtproto.telegram.media.DocumentMedia;
import dev.mtproto.telegram.media.FileOriginException;
import dev.mtproto.telegram.media.MediaMessage;
import dev.mtproto.telegram.media.PhotoMedia;
import dev.mtproto.telegram.media.PhotoSizeView;
import dev.mtproto.telegram.media.ReceivedMedia;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.tl.api.InputDocumentFileLocation;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageEntityBold;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code client.media()} end to end between two real clients of the test cluster: photos, documents, voice
 * notes and albums sent with derived attributes, received as typed media and downloaded (best size, whole
 * document), profile photos, and downloads that go on after the world expired every file reference
 * (https://core.telegram.org/api/file_reference).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MediaTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2));

    private static World world() {
        return TELEGRAM.cluster().world();
    }

    private static Dimensions decoded(byte[] image) throws IOException {
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(image));
        assertThat(read).as("a decodable image").isNotNull();
        return new Dimensions(read.getWidth(), read.getHeight());
    }

    private static byte[] bytes(DownloadResult r) {
        return r.content().orElseThrow();
    }

    /** A bot and a person who talk to it, both signed in, the bot's messages collected. */
    private record Pair(TelegramClient bot, TelegramClient person, Account botAccount, Account personAccount,
            Queue<MessageView> botSaw, Queue<MessageView> personSaw) implements AutoCloseable {
        static Pair of(String botName, String phone) {
            Account botAccount = world().newBot(botName).create();
            Account personAccount = world().newUser(phone).name("Alice").create();
            Queue<MessageView> botSaw = new ConcurrentLinkedQueue<>();
            Queue<MessageView> personSaw = new ConcurrentLinkedQueue<>();
            TelegramClient bot = Clients.bot(TELEGRAM.cluster());
            bot.onMessage(m -> {
                if (!m.outgoing()) {
                    botSaw.add(m);
                }
            });
            bot.startBot(botAccount.botToken()).join();
            TelegramClient person = Clients.signedIn(TELEGRAM.cluster(), personAccount);
            person.onMessage(m -> {
                if (!m.outgoing()) {
                    personSaw.add(m);
                }
            });
            return new Pair(bot, person, botAccount, personAccount, botSaw, personSaw);
        }

        ChatRef personChat() {
            return new ChatRef(ChatKind.PRIVATE, personAccount.id(), Optional.empty());
        }

        MessageView botReceives(int count) throws InterruptedException {
            Clients.await(() -> botSaw.size() >= count, count + " message(s) at the bot");
            return List.copyOf(botSaw).get(count - 1);
        }

        MessageView personReceives(int count) throws InterruptedException {
            Clients.await(() -> personSaw.size() >= count, count + " message(s) at the person");
            return List.copyOf(personSaw).get(count - 1);
        }

        @Override
        public void close() {
            person.close();
            bot.close();
        }
    }

    @Test
    void aPhotoWithAFormattedCaptionArrivesWithItsSizesAndItsBestSizeDownloads() throws Exception {
        try (Pair p = Pair.of("photo_media_bot", "+17900000001")) {
            AtomicLong uploaded = new AtomicLong();
            SentMessage sent = p.person().media().send("@photo_media_bot", MediaMessage.photo(TestImages.png(1000, 500), "holiday.png")
                    .markdown("my *holiday*").progress((done, total) -> uploaded.set(done)).build()).join();
            assertThat(sent.id()).isPositive();
            assertThat(uploaded.get()).as("progress reached the whole file").isEqualTo(TestImages.png(1000, 500).length);

            MessageView m = p.botReceives(1);
            assertThat(m.text()).isEqualTo("my holiday");
            assertThat(m.entities()).singleElement().isInstanceOfSatisfying(MessageEntityBold.class, b -> {
                assertThat(b.offset()).isEqualTo(3);
                assertThat(b.length()).isEqualTo(7);
            });
            PhotoMedia photo = (PhotoMedia) m.media().orElseThrow();
            assertThat(photo.sizes()).isNotEmpty();
            PhotoSizeView best = photo.best().orElseThrow();
            assertThat(best.dimensions()).isEqualTo(new Dimensions(1000, 500));
            assertThat(photo.sizes()).allSatisfy(s -> assertThat(s.dimensions().pixels()).isLessThanOrEqualTo(best.dimensions().pixels()));

            byte[] image = bytes(p.bot().media().download(photo, DownloadTarget.toBytes(), DownloadOptions.defaults()).result().join());
            assertThat(image.length).isEqualTo(best.bytes());
            assertThat(decoded(image)).isEqualTo(new Dimensions(1000, 500));
            PhotoSizeView smallest = photo.sizes().stream().filter(PhotoSizeView::downloadable)
                    .min(java.util.Comparator.comparingLong(s -> s.dimensions().pixels())).orElseThrow();
            byte[] small = bytes(p.bot().media().download(photo, smallest, DownloadTarget.toBytes(), DownloadOptions.defaults()).result().join());
            assertThat(decoded(small)).isEqualTo(smallest.dimensions());
        }
    }

    @Test
    void aDocumentCarriesItsDerivedNameTypeAndSizeAndDownloadsToAPath(@TempDir Path dir) throws Exception {
        try (Pair p = Pair.of("doc_media_bot", "+17900000002")) {
            p.person().sendMessage("@doc_media_bot", "hello").join();
            p.botReceives(1);
            byte[] pdf = ("%PDF-1.4\n" + "x".repeat(300_000)).getBytes(StandardCharsets.US_ASCII);
            Path file = dir.resolve("report");
            Files.write(file, pdf);
            p.bot().media().send(p.personChat(), MediaMessage.document(file).caption("the report").build()).join();
            p.bot().media().send(p.personChat(), MediaMessage.document(new ByteArrayInputStream(TestImages.png(300, 200)), TestImages.png(300, 200).length, "chart.png")
                    .build()).join();

            DocumentMedia report = (DocumentMedia) p.personReceives(1).media().orElseThrow();
            assertThat(report.fileName()).hasValue("report");
            assertThat(report.mimeType()).as("no extension: sniffed from %PDF-").isEqualTo("application/pdf");
            assertThat(report.size()).isEqualTo(pdf.length);
            Path copy = dir.resolve("copy.pdf");
            DownloadResult written = p.person().media().download(report, DownloadTarget.toPath(copy), DownloadOptions.defaults()).result().join();
            assertThat(written.path()).hasValue(copy);
            assertThat(Files.readAllBytes(copy)).isEqualTo(pdf);

            DocumentMedia chart = (DocumentMedia) p.personReceives(2).media().orElseThrow();
            assertThat(chart.mimeType()).isEqualTo("image/png");
            assertThat(chart.imageSize()).as("read from the PNG header of a stream").hasValue(new Dimensions(300, 200));
            assertThat(bytes(p.person().media().download(chart, DownloadTarget.toBytes(), DownloadOptions.defaults()).result().join()))
                    .isEqualTo(TestImages.png(300, 200));
        }
    }

    @Test
    void aVoiceNoteIsADocumentWithTheVoiceAudioAttribute() throws Exception {
        try (Pair p = Pair.of("voice_media_bot", "+17900000003")) {
            byte[] ogg = new byte[5000];
            new Random(3).nextBytes(ogg);
            System.arraycopy("OggS".getBytes(StandardCharsets.US_ASCII), 0, ogg, 0, 4);
            p.person().media().send("@voice_media_bot", MediaMessage.document(ogg, "voice").voice(Duration.ofSeconds(4)).build()).join();
            DocumentMedia voice = (DocumentMedia) p.botReceives(1).media().orElseThrow();
            assertThat(voice.mimeType()).isEqualTo("audio/ogg");
            assertThat(voice.audioAttribute()).hasValueSatisfying(a -> {
                assertThat(a.voice()).isTrue();
                assertThat(a.duration()).isEqualTo(4);
            });
            assertThat(bytes(p.bot().media().download(voice, DownloadTarget.toBytes(), DownloadOptions.defaults()).result().join()))
                    .isEqualTo(ogg);
        }
    }

    @Test
    void anAlbumIsGroupedWithACaptionPerItem() throws Exception {
        try (Pair p = Pair.of("album_media_bot", "+17900000004")) {
            Album album = Album.builder().add(MediaMessage.photo(TestImages.png(200, 100), "a.png").caption("first").build())
                    .add(MediaMessage.photo(TestImages.png(100, 200), "b.png").html("<b>second</b>").build()).silent().build();
            List<SentMessage> sent = p.person().media().sendAlbum("@album_media_bot", album).join();
            assertThat(sent).hasSize(2);
            assertThat(sent.get(1).id()).isGreaterThan(sent.get(0).id());

            MessageView first = p.botReceives(1);
            MessageView second = p.botReceives(2);
            assertThat(List.of(first.text(), second.text())).containsExactly("first", "second");
            assertThat(second.entities()).singleElement().isInstanceOf(MessageEntityBold.class);
            Message a = first.raw();
            Message b = second.raw();
            assertThat(a.groupedId()).isNotNull().isEqualTo(b.groupedId());
            PhotoMedia tall = (PhotoMedia) second.media().orElseThrow();
            byte[] image = bytes(p.bot().media().download(tall, DownloadTarget.toBytes(), DownloadOptions.defaults()).result().join());
            assertThat(decoded(image)).isEqualTo(new Dimensions(100, 200));
        }
    }

    @Test
    void aDownloadGoesOnAfterEveryReferenceExpiredByFetchingTheMessageAgain() throws Exception {
        try (Pair p = Pair.of("expiry_media_bot", "+17900000005")) {
            byte[] content = new byte[700_000];
            new Random(5).nextBytes(content);
            p.person().media().send("@expiry_media_bot", MediaMessage.document(content, "data.bin").build()).join();
            DocumentMedia doc = (DocumentMedia) p.botReceives(1).media().orElseThrow();

            world().files().expireReferences();

            RemoteFile withoutOrigin = RemoteFile.of(doc.dcId(), new InputDocumentFileLocation(doc.id(), doc.raw().accessHash(),
                    doc.raw().fileReference(), ""), doc.size());
            CompletionException stale = Assertions.assertThrows(CompletionException.class, () -> p.bot().media().transfers()
                    .download(withoutOrigin, DownloadTarget.toBytes(), DownloadOptions.defaults()).result().join());
            assertThat(stale.getCause()).as("the reference really expired").isInstanceOf(FileReferenceException.class);

            byte[] fetched = bytes(p.bot().media().download(doc, DownloadTarget.toBytes(), DownloadOptions.defaults()).result().join());
            assertThat(fetched).as("refreshed from messages.getMessages").isEqualTo(content);
        }
    }

    @Test
    void aSupergroupMessageIsFetchedAgainWithChannelsGetMessages() throws Exception {
        try (Pair p = Pair.of("channel_media_bot", "+17900000006")) {
            WorldChat group = world().newSupergroup("Media fans").members(p.personAccount(), p.botAccount()).create();
            world().send(p.personAccount()).to(group).text("hi");
            MessageView hi = p.botReceives(1);
            byte[] content = "a small text file\n".repeat(100).getBytes(StandardCharsets.UTF_8);
            p.bot().media().send(hi.chat(), MediaMessage.document(content, "notes.txt").build()).join();
            DocumentMedia notes = (DocumentMedia) p.personReceives(1).media().orElseThrow();
            assertThat(notes.mimeType()).isEqualTo("text/plain");

            world().files().expireReferences();

            assertThat(bytes(p.person().media().download(notes, DownloadTarget.toBytes(), DownloadOptions.defaults()).result().join()))
                    .isEqualTo(content);
        }
    }

    @Test
    void profilePhotosDownloadBigAndSmallAndRefreshFromTheProfile() throws Exception {
        try (Pair p = Pair.of("profile_media_bot", "+17900000007")) {
            p.person().sendMessage("@profile_media_bot", "hello").join();
            p.botReceives(1);
            world().files().setProfilePhoto(p.personAccount(), TestImages.png(800, 800));

            byte[] big = bytes(p.bot().media().downloadProfilePhoto(p.personChat(), true, DownloadTarget.toBytes()).join());
            byte[] small = bytes(p.bot().media().downloadProfilePhoto(p.personChat(), false, DownloadTarget.toBytes()).join());
            assertThat(decoded(big)).isEqualTo(new Dimensions(640, 640));
            assertThat(decoded(small)).isEqualTo(new Dimensions(160, 160));

            List<PhotoMedia> photos = p.bot().media().profilePhotos(p.personAccount().id()).join();
            assertThat(photos).hasSize(1);
            world().files().expireReferences();
            PhotoMedia current = photos.get(0);
            byte[] full = bytes(p.bot().media().download(current, DownloadTarget.toBytes(), DownloadOptions.defaults()).result().join());
            assertThat(decoded(full)).isEqualTo(current.best().orElseThrow().dimensions());

            ChatRef nobody = new ChatRef(ChatKind.PRIVATE, p.botAccount().id(), Optional.empty());
            CompletionException none = Assertions.assertThrows(CompletionException.class,
                    () -> p.person().media().downloadProfilePhoto(nobody, true, DownloadTarget.toBytes()).join());
            assertThat(none.getCause()).isInstanceOf(FileOriginException.class).hasMessageContaining("no profile photo");
        }
    }

    @Test
    void mediaOfATextMessageIsEmptyAndOtherMediaIsUnsupported() throws Exception {
        try (Pair p = Pair.of("plain_media_bot", "+17900000008")) {
            p.person().sendMessage("@plain_media_bot", "just text").join();
            assertThat(p.botReceives(1).media()).isEmpty();
            Optional<ReceivedMedia> dice = ReceivedMedia.of(new dev.mtproto.tl.api.MessageMediaDice(3, "🎲", null),
                    new dev.mtproto.telegram.media.FileOrigin.Message(p.personChat(), 1));
            assertThat(dice).hasValueSatisfying(d -> assertThat(d).isInstanceOf(dev.mtproto.telegram.media.UnsupportedMedia.class));
            Assertions.assertThrows(IllegalArgumentException.class, () -> p.bot().media().download(dice.get(), DownloadTarget.toBytes(),
                    DownloadOptions.defaults()));
        }
    }

    @Test
    void cancellingASendCancelsItsUploadAndSendsNothing() throws Exception {
        try (Pair p = Pair.of("cancel_media_bot", "+17900000009")) {
            byte[] data = new byte[6 * 1024 * 1024];
            new Random(9).nextBytes(data);
            int parts = PartRules.partCount(data.length, PartRules.uploadPartSize(data.length));
            long partsBefore = world().files().savedUploadParts();
            CompletableFuture<CompletableFuture<SentMessage>> started = new CompletableFuture<>();
            CompletableFuture<SentMessage> send = p.person().media().send("@cancel_media_bot", MediaMessage.document(data, "big.bin")
                    .progress((done, total) -> {
                        if (done > 0) {
                            started.join().cancel(false);
                        }
                    }).build());
            started.complete(send);
            assertThatThrownBy(send::join).isInstanceOf(CancellationException.class);
            // the parts already on their way may still land; then the count stays put
            AtomicLong settled = new AtomicLong(-1);
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> settled.getAndSet(world().files().savedUploadParts()) == settled.get());
            Awaitility.await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                    .until(() -> world().files().savedUploadParts() == settled.get());
            assertThat(settled.get() - partsBefore).as("parts the DC saved of %d", parts).isPositive().isLessThan(parts);
            p.person().sendMessage("@cancel_media_bot", "after").join();
            assertThat(p.botReceives(1).text()).as("the document was never sent").isEqualTo("after");
        }
    }

    @Test
    void aPhotoArrivesWithAStrippedThumbnailThatExpandsToAJpegWithoutADownload() throws Exception {
        Account botAccount = world().newBot("stripped_media_bot").create();
        Account personAccount = world().newUser("+17900000010").name("Alice").create();
        AtomicInteger getFileCalls = new AtomicInteger();
        Queue<MessageView> botSaw = new ConcurrentLinkedQueue<>();
        try (TelegramClient bot = TelegramClient.create(TELEGRAM.cluster().clientConfig().sessionStore(new MemorySessionStore())
                    .addEventListener(new ClientEventListener() {
                        @Override
                        public void callStarted(CallInfo call) {
                            if (call.method().equals("upload.getFile")) {
                                getFileCalls.incrementAndGet();
                            }
                        }
                    }).build());
             TelegramClient person = Clients.signedIn(TELEGRAM.cluster(), personAccount)) {
            bot.onMessage(botSaw::add);
            bot.startBot(botAccount.botToken()).join();
            person.media().send("@stripped_media_bot", MediaMessage.photo(TestImages.png(1000, 500), "wide.png").build()).join();
            Clients.await(() -> !botSaw.isEmpty(), "the photo at the bot");

            PhotoMedia photo = (PhotoMedia) botSaw.peek().media().orElseThrow();
            PhotoSizeView stripped = photo.sizes().stream().filter(s -> s.kind() == PhotoSizeView.Kind.STRIPPED).findFirst().orElseThrow();
            assertThat(stripped.type()).isEqualTo("i");
            assertThat(stripped.downloadable()).isFalse();
            assertThat(decoded(stripped.jpeg().orElseThrow())).as("fits 40x40, the photo's ratio").isEqualTo(new Dimensions(40, 20));
            assertThat(photo.best().orElseThrow().dimensions()).isEqualTo(new Dimensions(1000, 500));
            assertThat(getFileCalls).as("upload.getFile calls").hasValue(0);
        }
    }
}
