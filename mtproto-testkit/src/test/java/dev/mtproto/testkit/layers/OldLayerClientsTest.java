package dev.mtproto.testkit.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.testkit.RawClient;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDc;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.api.Config;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.UpdateShortMessage;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.users.GetUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clients of layers 144, 190 and 228 against a real test DC: each announces its layer with
 * {@code invokeWithLayer} and gets every answer and update in that layer, as Telegram answers
 * (https://core.telegram.org/api/invoking#layers), which it decodes with its own schema.
 */
class OldLayerClientsTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2));

    private static LayerSchema schema(int layer) {
        return ApiLayers.bundled().schema(layer);
    }

    private static int id(LayerSchema schema, String name) {
        return schema.idOf(name).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(ints = {144, 190, 228})
    void helpGetConfigIsAnsweredInTheClientsLayerWithTheClustersDcs(int layer) {
        LayerSchema schema = schema(layer);
        TestDc dc = TELEGRAM.cluster().dc(1);
        try (LayerClient client = LayerClient.connect(dc, schema)) {
            byte[] answer = client.callRaw(client.object("help.getConfig"));
            GenericObject config = schema.read(answer);
            assertThat(config.name()).isEqualTo("config");
            assertThat(config.id()).isEqualTo(id(schema, "config"));
            assertThat(config.get("this_dc")).isEqualTo(1);
            List<?> options = (List<?>) config.get("dc_options");
            assertThat(options).hasSize(2);
            GenericObject second = (GenericObject) options.get(1);
            assertThat(second.get("id")).isEqualTo(2);
            assertThat(second.get("ip_address")).isEqualTo("127.0.0.1");
            assertThat(second.get("port")).isEqualTo(TELEGRAM.cluster().dc(2).port());
            assertThat(config.get("me_url_prefix")).isEqualTo("https://t.me/");
            if (layer == 144) {
                assertThat(config.id()).as("config changed since 144").isNotEqualTo(Config.CONSTRUCTOR_ID);
            }
            if (config.id() == Config.CONSTRUCTOR_ID) { // 228, and 190, whose config is the same
                assertThat(new TlReader(answer).readObject()).isInstanceOf(Config.class);
            } else {
                assertThatThrownBy(() -> new TlReader(answer).readObject()).as("not decodable as layer 228: config's id changed")
                        .isInstanceOf(TlDecodeException.class);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {144, 190, 228})
    void aBotSignsInAndGetsItselfWithGetUsersInItsLayer(int layer) {
        LayerSchema schema = schema(layer);
        Account bot = TELEGRAM.cluster().world().newBot("layer" + layer + "_bot").name("Layer " + layer).homeDc(1).create();
        try (LayerClient client = LayerClient.connect(TELEGRAM.cluster().dc(1), schema)) {
            GenericObject authorization = (GenericObject) client.call(client.object("auth.importBotAuthorization", "flags", 0,
                    "api_id", TestCluster.TEST_API_ID, "api_hash", TestCluster.TEST_API_HASH, "bot_auth_token", bot.botToken()));
            assertThat(authorization.name()).isEqualTo("auth.authorization");
            assertThat(authorization.id()).isEqualTo(id(schema, "auth.authorization"));
            List<?> users = (List<?>) client.call(client.object("users.getUsers", "id", List.of(client.object("inputUserSelf"))));
            assertThat(users).hasSize(1);
            GenericObject me = (GenericObject) users.get(0);
            assertThat(me.name()).isEqualTo("user");
            assertThat(me.id()).isEqualTo(id(schema, "user"));
            assertThat(me.get("id")).isEqualTo(bot.id());
            assertThat(me.flag("self")).isTrue();
            assertThat(me.flag("bot")).isTrue();
            assertThat(me.get("first_name")).isEqualTo("Layer " + layer);
            assertThat(me.get("username")).isEqualTo("layer" + layer + "_bot");
            assertThat(me.get("bot_info_version")).isNotNull();
            assertThat(((GenericObject) authorization.get("user")).get("id")).isEqualTo(bot.id());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {144, 190, 228})
    void pushedUpdatesComeInTheClientsLayer(int layer) {
        LayerSchema schema = schema(layer);
        TestDc dc = TELEGRAM.cluster().dc(2);
        try (LayerClient client = LayerClient.connect(dc, schema)) {
            client.call(client.object("help.getConfig")); // announces the layer
            long key = client.raw().authKeyId();
            dc.pushTo(key, UpdateShortMessage.builder().out(true).id(41).userId(5_000_000_007L).message("short and sweet").pts(3)
                    .ptsCount(1).date(1_700_000_000).build());
            GenericObject shortMessage = schema.read(client.nextPush());
            assertThat(shortMessage.id()).isEqualTo(id(schema, "updateShortMessage"));
            assertThat(shortMessage.flag("out")).isTrue();
            assertThat(shortMessage.get("user_id")).isEqualTo(5_000_000_007L);
            assertThat(shortMessage.get("message")).isEqualTo("short and sweet");
            assertThat(shortMessage.get("pts")).isEqualTo(3);

            Message message = Message.builder().id(42).peerId(new PeerUser(5_000_000_007L)).date(1_700_000_001).message("in full").build();
            dc.pushTo(key, new Updates(List.of(new UpdateNewMessage(message, 4, 1)), List.of(), List.of(), 1_700_000_001, 0));
            byte[] pushed = client.nextPush();
            GenericObject updates = schema.read(pushed);
            assertThat(updates.name()).isEqualTo("updates");
            GenericObject newMessage = (GenericObject) ((List<?>) updates.get("updates")).get(0);
            GenericObject full = (GenericObject) newMessage.get("message");
            assertThat(full.name()).isEqualTo("message");
            assertThat(full.id()).isEqualTo(id(schema, "message"));
            assertThat(full.get("message")).isEqualTo("in full");
            assertThat(((GenericObject) full.get("peer_id")).get("user_id")).isEqualTo(5_000_000_007L);
            if (full.id() != Message.CONSTRUCTOR_ID) {
                assertThatThrownBy(() -> new TlReader(pushed).readObject()).isInstanceOf(TlDecodeException.class);
            } else {
                TlObject generated = new TlReader(pushed).readObject();
                assertThat(generated).isEqualTo(new Updates(List.of(new UpdateNewMessage(message, 4, 1)), List.of(), List.of(), 1_700_000_001, 0));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {144, 190})
    void aLargeAnswerIsReEncodedBeforeItIsGzipped(int layer) {
        LayerSchema schema = schema(layer);
        List<User> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(User.builder().id(6_000_000_000L + i).accessHash((long) i).firstName("Someone with a long name " + i).lastName("Smith")
                    .username("someone" + i).botActiveUsers(i).build());
        }
        TELEGRAM.cluster().handlers().on(GetUsers.class, (m, call) -> many);
        try (LayerClient client = LayerClient.connect(TELEGRAM.cluster().dc(1), schema)) {
            List<?> users = (List<?>) client.call(client.object("users.getUsers", "id", List.of(client.object("inputUserSelf"))));
            assertThat(client.lastAnswerGzipped()).as("more than 512 bytes: gzip_packed").isTrue();
            assertThat(users).hasSize(20);
            GenericObject last = (GenericObject) users.get(19);
            assertThat(last.id()).isEqualTo(id(schema, "user"));
            assertThat(last.get("id")).isEqualTo(6_000_000_019L);
            assertThat(last.get("first_name")).isEqualTo("Someone with a long name 19");
        }
    }

    @Test
    void aLayerWithoutAFileIsAnsweredInTheNearestLayerBelow() {
        LayerSchema l144 = schema(144);
        try (LayerClient client = LayerClient.connect(TELEGRAM.cluster().dc(1), l144)) {
            GenericObject call = client.object("invokeWithLayer", "layer", 160, "query", client.object("initConnection", "api_id", 1,
                    "device_model", "d", "system_version", "s", "app_version", "1", "system_lang_code", "en", "lang_pack", "",
                    "lang_code", "en", "query", client.object("help.getConfig")));
            long msgId = client.raw().nextMsgId();
            client.raw().send(msgId, client.raw().nextSeqNo(true), new RawClient.Undecoded(l144.write(call)));
            byte[] answer = ((RawClient.Undecoded) client.raw().resultOf(msgId)).bytes();
            assertThat(l144.read(answer).id()).isEqualTo(id(l144, "config"));
        }
    }
}
