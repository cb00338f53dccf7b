package dev.mtproto.testkit.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.TlWriter;
import dev.mtproto.tl.api.ApiSchema;
import dev.mtproto.tl.api.Config;
import dev.mtproto.tl.api.DcOption;
import dev.mtproto.tl.api.DocumentAttributeVideo;
import dev.mtproto.tl.api.InitConnection;
import dev.mtproto.tl.api.InputUserSelf;
import dev.mtproto.tl.api.InvokeWithLayer;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageMediaPaidMedia;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.UpdateNewAuthorization;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.UpdatePeerBlocked;
import dev.mtproto.tl.api.UpdateShort;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.UserType;
import dev.mtproto.tl.api.help.GetConfig;
import dev.mtproto.tl.api.messages.SendMessage;
import dev.mtproto.tl.api.users.GetUsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects the world makes in layer 228 become objects of an older layer by constructor name, and calls of
 * an older layer become 228 objects (https://core.telegram.org/api/invoking#layers).
 */
class LayerTranslationTest {
    private static final ApiLayers LAYERS = ApiLayers.bundled();
    private static final LayerSchema L144 = LAYERS.schema(144);

    static Config config() {
        return Config.builder().date(1).expires(2).thisDc(2).dcTxtDomainName("localhost").chatSizeMax(200).megagroupSizeMax(200_000)
                .forwardedCountMax(100).onlineUpdatePeriodMs(1).offlineBlurTimeoutMs(1).offlineIdleTimeoutMs(1).onlineCloudTimeoutMs(1)
                .notifyCloudDelayMs(1).notifyDefaultDelayMs(1).pushChatPeriodMs(1).pushChatLimit(1).editTimeLimit(1).revokeTimeLimit(1)
                .revokePmTimeLimit(1).ratingEDecay(1).stickersRecentLimit(1).channelsReadMediaPeriod(1).callReceiveTimeoutMs(1)
                .callRingTimeoutMs(1).callConnectTimeoutMs(1).callPacketTimeoutMs(1).meUrlPrefix("https://t.me/").captionLengthMax(1024)
                .messageLengthMax(4096).webfileDcId(2).testMode(false)
                .dcOptions(List.of(DcOption.builder().id(1).ipAddress("127.0.0.1").port(20443).build(),
                        DcOption.builder().id(2).ipAddress("127.0.0.1").port(20444).build()))
                .build();
    }

    @Test
    void aConfigGoesToLayer144WithItsIdItsValuesAndNeutralValuesForWhatLayer228Lacks() {
        byte[] ours = config().toByteArray();
        byte[] old = LAYERS.writeResult(GetConfig.INSTANCE, ours, 144);
        GenericObject config = L144.read(old);
        assertThat(config.name()).isEqualTo("config");
        assertThat(config.id()).isEqualTo(0x330b4067).isNotEqualTo(Config.CONSTRUCTOR_ID);
        assertThat(config.get("this_dc")).isEqualTo(2);
        assertThat(config.get("me_url_prefix")).isEqualTo("https://t.me/");
        assertThat(config.get("saved_gifs_limit")).as("required in 144, gone by 228: neutral").isEqualTo(0);
        List<?> options = (List<?>) config.get("dc_options");
        assertThat(options).hasSize(2);
        GenericObject second = (GenericObject) options.get(1);
        assertThat(second.name()).isEqualTo("dcOption");
        assertThat(second.get("id")).isEqualTo(2);
        assertThat(second.get("ip_address")).isEqualTo("127.0.0.1");
        assertThat(second.get("port")).isEqualTo(20444);
        assertThatThrownBy(() -> new TlReader(old).readObject()).as("a 228 client could not read it: the id changed")
                .isInstanceOf(TlDecodeException.class);
    }

    /** @return a function's result read in a layer */
    static Object result(LayerSchema schema, String function, byte[] bytes) {
        return schema.read(bytes, 0, bytes.length, LayerTranslator.resultType(schema, function));
    }

    @Test
    void aUserKeepsTheFieldsBothLayersHaveAndLosesTheOthers() {
        User user = User.builder().id(5_000_000_001L).self(true).bot(true).botInfoVersion(7).firstName("Echo").username("echo_bot")
                .accessHash(99L).botActiveUsers(12).build();
        GetUsers getMe = new GetUsers(List.of(InputUserSelf.INSTANCE));
        byte[] ours = vector(user);
        List<?> users = (List<?>) result(L144, "users.getUsers", LAYERS.writeResult(getMe, ours, 144));
        GenericObject old = (GenericObject) users.get(0);
        assertThat(old.id()).isEqualTo(L144.idOf("user").orElseThrow()).isNotEqualTo(User.CONSTRUCTOR_ID);
        assertThat(old.get("id")).isEqualTo(5_000_000_001L);
        assertThat(old.flag("self")).isTrue();
        assertThat(old.flag("bot")).isTrue();
        assertThat(old.get("bot_info_version")).isEqualTo(7);
        assertThat(old.get("first_name")).isEqualTo("Echo");
        assertThat(old.get("username")).isEqualTo("echo_bot");
        assertThat(old.get("access_hash")).isEqualTo(99L);
        assertThat(old.hasField("bot_active_users")).as("not in layer 144").isFalse();
        assertThat(LAYERS.writeResult(getMe, ours, 190)).as("layer 190 has its own user").isNotEqualTo(ours);
        assertThat(((GenericObject) ((List<?>) result(LAYERS.schema(190), "users.getUsers", LAYERS.writeResult(getMe, ours, 190))).get(0))
                .get("first_name")).isEqualTo("Echo");
    }

    @Test
    void aMediaLayer144LacksBecomesMessageMediaUnsupportedInsideItsMessage() {
        Message message = Message.builder().id(10).peerId(new PeerUser(5)).date(3).message("look").out(true)
                .media(new MessageMediaPaidMedia(25, List.of())).build();
        Updates updates = new Updates(List.of(new UpdateNewMessage(message, 4, 1)), List.of(), List.of(), 3, 0);
        GenericObject old = L144.read(LAYERS.writeUpdate(updates.toByteArray(), 144));
        GenericObject update = (GenericObject) ((List<?>) old.get("updates")).get(0);
        GenericObject oldMessage = (GenericObject) update.get("message");
        assertThat(oldMessage.id()).isEqualTo(0x38116ee0).isNotEqualTo(Message.CONSTRUCTOR_ID);
        assertThat(oldMessage.get("message")).isEqualTo("look");
        assertThat(oldMessage.flag("out")).isTrue();
        assertThat(((GenericObject) oldMessage.get("media")).name()).isEqualTo("messageMediaUnsupported");
        assertThat(((GenericObject) oldMessage.get("peer_id")).get("user_id")).isEqualTo(5L);
    }

    @Test
    void anUpdateLayer144LacksIsLeftOutOfItsVectorAndAPushOfItAloneIsNotSent() {
        UpdateNewAuthorization unknown = new UpdateNewAuthorization(true, 77, 5, "phone", "Earth");
        UpdatePeerBlocked blocked = new UpdatePeerBlocked(true, false, new PeerUser(9));
        Updates both = new Updates(List.of(unknown, blocked), List.of(), List.of(), 3, 0);
        GenericObject old = L144.read(LAYERS.writeUpdate(both.toByteArray(), 144));
        List<?> updates = (List<?>) old.get("updates");
        assertThat(updates).hasSize(1);
        GenericObject kept = (GenericObject) updates.get(0);
        assertThat(kept.name()).isEqualTo("updatePeerBlocked");
        assertThat(kept.get("blocked")).as("flags.0?true in 228, Bool in 144").isEqualTo(Boolean.TRUE);
        assertThat(LAYERS.writeUpdate(new UpdateShort(unknown, 3).toByteArray(), 144)).isNull();
        assertThat(LAYERS.writeUpdate(new UpdateShort(unknown, 3).toByteArray(), 228)).isNotNull();
    }

    @Test
    void aCallSentInLayer144ReachesTheWorldAsTheGeneratedObject() {
        LayerSchema l228 = LAYERS.schema(ApiSchema.LAYER);
        GetUsers getMe = new GetUsers(List.of(InputUserSelf.INSTANCE));
        InvokeWithLayer<?> ours = new InvokeWithLayer<>(144, InitConnection.<List<UserType>>builder().apiId(1).deviceModel("old")
                .systemVersion("1").appVersion("1").systemLangCode("en").langPack("").langCode("en").query(getMe).build());
        Object asOld = new LayerTranslator(l228, L144).translate(l228.read(ours.toByteArray()), new WireType.Any());
        byte[] sent = L144.write((GenericObject) asOld);
        assertThat(LAYERS.readCall(sent, 0, sent.length, 0)).as("the layer named by invokeWithLayer").isEqualTo(ours);
    }

    @Test
    void aCallWhoseIdChangedSince144IsReadWithItsFieldsIntoTheGeneratedClass() {
        SchemaCombinator sendMessage = L144.function("messages.sendMessage");
        assertThat(sendMessage.id()).isNotEqualTo(SendMessage.CONSTRUCTOR_ID);
        GenericObject old = new RandomGenericObjects(L144, 5).of(sendMessage);
        byte[] sent = L144.write(old);
        assertThatThrownBy(() -> new TlReader(sent).readObject()).isInstanceOf(TlDecodeException.class);
        SendMessage read = (SendMessage) LAYERS.readCall(sent, 0, sent.length, 144);
        assertThat(read.message()).isEqualTo(old.get("message"));
        assertThat(read.randomId()).isEqualTo(old.get("random_id"));
        assertThat(read.silent()).isEqualTo(old.flag("silent"));
    }

    @Test
    void aFunctionLayer228DoesNotHaveIsAnsweredInputMethodInvalid() {
        GenericObject getAllChats = new RandomGenericObjects(L144, 1).of(L144.function("messages.getAllChats"));
        byte[] sent = L144.write(getAllChats);
        assertThatThrownBy(() -> LAYERS.readCall(sent, 0, sent.length, 144)).isInstanceOf(RpcException.class)
                .satisfies(e -> assertThat(((RpcException) e).errorMessage()).isEqualTo("INPUT_METHOD_INVALID"));
    }

    @Test
    void layersWithoutAFileAreServedInTheNearestBelowAndTheCurrentOneCostsNothing() {
        assertThat(LAYERS.layers()).contains(144, 190, 228);
        assertThat(LAYERS.servedLayer(144)).isEqualTo(144);
        assertThat(LAYERS.servedLayer(160)).isEqualTo(144);
        assertThat(LAYERS.servedLayer(227)).isEqualTo(190);
        assertThat(LAYERS.servedLayer(100)).as("below every file: the lowest").isEqualTo(144);
        assertThat(LAYERS.servedLayer(0)).isEqualTo(ApiSchema.LAYER);
        assertThat(LAYERS.servedLayer(300)).as("a future layer: ours, as Telegram is lenient").isEqualTo(ApiSchema.LAYER);
        byte[] ours = config().toByteArray();
        assertThat(LAYERS.writeResult(GetConfig.INSTANCE, ours, 228)).isSameAs(ours);
        assertThat(LAYERS.writeResult(GetConfig.INSTANCE, ours, 0)).isSameAs(ours);
        assertThat(LAYERS.writeUpdate(ours, 301)).isSameAs(ours);
    }

    @Test
    void aSchemaDirectoryAddsLayersWithoutRebuilding(@TempDir Path dir) throws Exception {
        String text = new String(ApiLayers.class.getResourceAsStream("api-layer144.tl").readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("api-layer150.tl"), text);
        Files.writeString(dir.resolve("notes.txt"), "not a schema");
        ApiLayers more = ApiLayers.withSchemaDir(dir);
        assertThat(more.layers()).contains(144, 150, 190, 228);
        assertThat(more.servedLayer(160)).isEqualTo(150);
        assertThat(more.schema(150).idOf("config")).hasValue(0x330b4067);
        assertThatThrownBy(() -> more.schema(151)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("151");
    }

    @Test
    void aFieldWhoseScalarTypeChangedIsConverted() {
        LayerSchema l228 = LAYERS.schema(ApiSchema.LAYER);
        DocumentAttributeVideo video = new DocumentAttributeVideo(true, false, false, 12.6, 640, 480, null, null, null);
        GenericObject old = (GenericObject) new LayerTranslator(l228, L144).translate(l228.read(video.toByteArray()), new WireType.Any());
        assertThat(old.get("duration")).as("double in 228, int in 144").isEqualTo(13);
        assertThat(old.flag("round_message")).isTrue();
        assertThat(old.get("w")).isEqualTo(640);
        GenericObject back = (GenericObject) new LayerTranslator(L144, l228).translate(old, new WireType.Any());
        assertThat(back.get("duration")).isEqualTo(13.0);
        assertThat(Conversion.between(WireType.Scalar.INT, WireType.Scalar.LONG)).isEqualTo(Conversion.Scalars.INT_TO_LONG);
        assertThat(Conversion.between(WireType.Scalar.STRING, new WireType.Boxed("TextWithEntities"))).as("no conversion: neutral").isNull();
    }

    @Test
    void standInsAreTheTypesUnsupportedOrEmptyConstructorElseItsSimplest() {
        StandIns standIns = new StandIns(L144);
        assertThat(standIns.fallback("MessageMedia").name()).isEqualTo("messageMediaUnsupported");
        assertThat(standIns.fallback("MessageAction").name()).isEqualTo("messageActionEmpty");
        assertThat(standIns.fallback("Message").name()).isEqualTo("messageEmpty");
        assertThat(standIns.fallback("Updates").name()).as("no fields at all").isEqualTo("updatesTooLong");
        assertThat(standIns.fallback("Update")).as("left out").isNull();
        GenericObject peer = (GenericObject) standIns.neutral(new WireType.Boxed("Peer"));
        assertThat(peer.name()).isEqualTo("peerUser");
        assertThat(peer.get("user_id")).isEqualTo(0L);
        assertThat(standIns.neutral(new WireType.Vector(WireType.Scalar.LONG, false))).isEqualTo(List.of());
        assertThat(new StandIns(L144).neutral(new WireType.Boxed("InputPeer"))).as("deterministic").isEqualTo(standIns.neutral(new WireType.Boxed("InputPeer")));
    }

    static byte[] vector(TlObject... objects) {
        TlWriter w = new TlWriter();
        w.writeInt(0x1cb5c415);
        w.writeInt(objects.length);
        for (TlObject o : objects) {
            o.write(w);
        }
        return w.toByteArray();
    }
}
