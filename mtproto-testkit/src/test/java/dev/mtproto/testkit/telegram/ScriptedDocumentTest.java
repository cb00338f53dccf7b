package dev.mtproto.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.files.DownloadOptions;
import dev.mtproto.files.DownloadTarget;
import dev.mtproto.telegram.MessageView;
import dev.mtproto.telegram.TelegramClient;
import dev.mtproto.telegram.media.DocumentMedia;
import dev.mtproto.telegram.media.ReceivedMedia;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import java.time.Duration;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A scripted user (no client of ours, the world acting as its app) sends a bot a document
 * ({@code world.send(user).to(bot).document(...)}): the bot's real client receives it as typed media with the
 * name, MIME type, size and caption the user gave, and downloads exactly the bytes, from the user's home
 * DC (another DC than the bot's: {@code FILE_MIGRATE} followed).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScriptedDocumentTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2));

    private static World world() {
        return TELEGRAM.cluster().world();
    }

    @Test
    void aDocumentFromAScriptedUserReachesTheBotAndDownloadsFromTheUsersDc() {
        Account bot = world().newBot("doc_reader_bot").create();
        Account alice = world().newUser("15550001001").name("Alice").homeDc(2).create();
        byte[] content = new byte[700_000]; // over one 512 KiB part, so the download takes two
        new Random(7).nextBytes(content);
        Queue<MessageView> seen = new ConcurrentLinkedQueue<>();
        try (TelegramClient client = Clients.bot(TELEGRAM.cluster())) {
            client.onMessage(seen::add);
            client.startBot(bot.botToken()).join();

            world().send(alice).to(bot).document("measurements.bin", "application/octet-stream", content).text("today's run");

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !seen.isEmpty());
            MessageView message = seen.remove();
            assertThat(message.text()).isEqualTo("today's run");
            assertThat(message.senderId()).hasValue(alice.id());
            ReceivedMedia media = message.media().orElseThrow();
            assertThat(media).isInstanceOf(DocumentMedia.class);
            DocumentMedia document = (DocumentMedia) media;
            assertThat(document.fileName()).hasValue("measurements.bin");
            assertThat(document.mimeType()).isEqualTo("application/octet-stream");
            assertThat(document.size()).isEqualTo(content.length);
            assertThat(document.dcId()).as("stored where Alice's app uploaded it").isEqualTo(2);

            byte[] downloaded = client.media().download(document, DownloadTarget.toBytes(), DownloadOptions.defaults()).result().join()
                    .content().orElseThrow();
            assertThat(downloaded).isEqualTo(content);
        }
    }

    @Test
    void aDocumentWithoutACaptionIsAMessageWithEmptyText() {
        Account bot = world().newBot("quiet_doc_bot").create();
        Account bob = world().newUser("15550001002").name("Bob").create();
        Queue<MessageView> seen = new ConcurrentLinkedQueue<>();
        try (TelegramClient client = Clients.bot(TELEGRAM.cluster())) {
            client.onMessage(seen::add);
            client.startBot(bot.botToken()).join();

            world().send(bob).to(bot).document("note.txt", "text/plain", "hi".getBytes(java.nio.charset.StandardCharsets.UTF_8)).text("");

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !seen.isEmpty());
            MessageView message = seen.remove();
            assertThat(message.text()).isEmpty();
            assertThat(((DocumentMedia) message.media().orElseThrow()).size()).isEqualTo(2);
        }
    }

    @Test
    void aDocumentNeedsANameAMimeTypeAndContent() {
        Account bot = world().newBot("strict_doc_bot").create();
        Account carol = world().newUser("15550001003").name("Carol").create();
        assertThatThrownBy(() -> world().send(carol).to(bot).document(" ", "text/plain", new byte[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file name");
        assertThatThrownBy(() -> world().send(carol).to(bot).document("a.txt", "", new byte[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MIME type");
        assertThatThrownBy(() -> world().send(carol).to(bot).document("a.txt", "text/plain", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }
}
