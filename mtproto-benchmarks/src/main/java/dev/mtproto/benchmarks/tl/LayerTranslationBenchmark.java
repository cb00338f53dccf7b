package dev.mtproto.benchmarks.tl;

import dev.mtproto.testkit.layers.ApiLayers;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.api.ApiSchema;
import dev.mtproto.tl.api.Chat;
import dev.mtproto.tl.api.ChatPhotoEmpty;
import dev.mtproto.tl.api.InputPeerChat;
import dev.mtproto.tl.api.InputPeerEmpty;
import dev.mtproto.tl.api.InvokeWithLayer;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageEntityBold;
import dev.mtproto.tl.api.PeerChat;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.UpdateReadHistoryInbox;
import dev.mtproto.tl.api.UpdateUserStatus;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.UserStatusOnline;
import dev.mtproto.tl.api.messages.GetHistory;
import dev.mtproto.tl.api.messages.SendMessage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the test DC pays to answer a client of an older layer ({@code dev.mtproto.testkit.layers}): a
 * typical pushed {@code updates} (a new message with an entity in a basic group, a read-history update, a
 * status update, two users, one chat: 14 boxed objects) and the 749-object
 * {@code messages100.bin} answer of {@code messages.getHistory}, re-encoded from layer 228 into
 * {@code layer}. At 228 the bytes go through untouched: that is what a current client costs; and
 * {@code readCurrentCall} against {@code readGenerated} is what reading a current client's call costs more.
 *
 * <p>ns/object = ns/op / 14 for {@code updates}, / 749 for {@code messages100}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LayerTranslationBenchmark {
    @Param({"144", "190", "228"})
    public int layer;

    private final ApiLayers layers = ApiLayers.bundled();
    private final GetHistory getHistory = new GetHistory(InputPeerEmpty.INSTANCE, 0, 0, 0, 100, 0, 0, 0L);
    private byte[] updates;
    private byte[] messages100;
    private byte[] sendMessage;

    @Setup
    public void load() {
        long alice = 5_000_000_001L;
        long bob = 5_000_000_002L;
        Message message = Message.builder().id(1001).fromId(new PeerUser(alice)).peerId(new PeerChat(77)).date(1_700_000_000)
                .message("Lunch at noon? The usual place.").entities(List.of(new MessageEntityBold(0, 5))).build();
        updates = new Updates(List.of(new UpdateNewMessage(message, 501, 1),
                UpdateReadHistoryInbox.builder().peer(new PeerChat(77)).maxId(1000).stillUnreadCount(1).pts(502).ptsCount(1).build(),
                new UpdateUserStatus(bob, new UserStatusOnline(1_700_000_300))),
                List.of(User.builder().id(alice).accessHash(11L).firstName("Alice").lastName("Smith").username("alice").build(),
                        User.builder().id(bob).accessHash(12L).firstName("Bob").phone("15550002").contact(true).build()),
                List.of(Chat.builder().id(77).title("Lunch").photo(ChatPhotoEmpty.INSTANCE).participantsCount(2).date(1_690_000_000)
                        .version(1).build()),
                1_700_000_000, 0).toByteArray();
        messages100 = Messages100Input.load();
        SendMessage send = SendMessage.builder().peer(new InputPeerChat(77)).message("Lunch at noon? The usual place.").randomId(42L)
                .entities(List.of(new MessageEntityBold(0, 5))).build();
        sendMessage = new InvokeWithLayer<>(ApiSchema.LAYER, send).toByteArray();
        if (layers.writeUpdate(updates, layer) == null || layers.writeResult(getHistory, messages100, layer).length == 0) {
            throw new IllegalStateException("nothing to translate");
        }
    }

    @Benchmark
    public byte[] updates() {
        return layers.writeUpdate(updates, layer);
    }

    @Benchmark
    public byte[] messages100() {
        return layers.writeResult(getHistory, messages100, layer);
    }

    /** A current client's call as the test DC reads it (whatever {@code layer} says): the generated decoding, and a look at the layer. */
    @Benchmark
    public TlObject readCurrentCall() {
        return layers.readCall(sendMessage, 0, sendMessage.length, ApiSchema.LAYER);
    }

    /** The same call decoded directly, as before layers were served: the baseline of {@link #readCurrentCall}. */
    @Benchmark
    public TlObject readGenerated() {
        return new TlReader(sendMessage).readObject();
    }
}
