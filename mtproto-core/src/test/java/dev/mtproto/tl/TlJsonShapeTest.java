package dev.mtproto.tl;

import static dev.mtproto.tl.TlJsonRoundTripTest.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.api.ApiSchema;
import dev.mtproto.tl.api.ConfigType;
import dev.mtproto.tl.api.InitConnection;
import dev.mtproto.tl.api.InputCheckPasswordSRP;
import dev.mtproto.tl.api.InputGeoPoint;
import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.InvokeWithLayer;
import dev.mtproto.tl.api.MessageEntityBold;
import dev.mtproto.tl.api.account.UpdateStatus;
import dev.mtproto.tl.api.help.GetConfig;
import dev.mtproto.tl.api.messages.DeleteMessages;
import dev.mtproto.tl.api.messages.SendMessage;
import dev.mtproto.tl.jackson.TlJacksonModule;
import dev.mtproto.tl.mtproto.Message;
import dev.mtproto.tl.mtproto.MsgContainer;
import dev.mtproto.tl.mtproto.MsgsAck;
import dev.mtproto.tl.mtproto.Ping;
import dev.mtproto.tl.mtproto.ResPQ;
import dev.mtproto.tl.mtproto.RpcError;
import dev.mtproto.tl.mtproto.RpcResult;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The JSON shape that {@code docs/tl.md} ("TL and JSON") documents, value kind by value kind. */
class TlJsonShapeTest {

    private static SendMessage hi() {
        return SendMessage.builder().silent(true).peer(new InputPeerUser(123, -5)).message("hi").randomId(123)
                .entities(List.of(new MessageEntityBold(0, 2))).build();
    }

    private static void assertJson(TlObject value, String json) {
        assertThat(MAPPER.writeValueAsString(value)).isEqualTo(json);
        assertThat(MAPPER.readValue(json, TlObject.class)).isEqualTo(value);
    }

    @Test
    void anObjectIsItsTlNameAndItsFieldsUnderTheSchemasNamesInSchemaOrder() {
        assertJson(hi(), "{\"_\":\"messages.sendMessage\",\"silent\":true,"
                + "\"peer\":{\"_\":\"inputPeerUser\",\"user_id\":\"123\",\"access_hash\":\"-5\"},\"message\":\"hi\","
                + "\"random_id\":\"123\",\"entities\":[{\"_\":\"messageEntityBold\",\"offset\":0,\"length\":2}]}");
    }

    @Test
    void theExampleOfTheDocs() {
        assertJson(SendMessage.builder().peer(new InputPeerUser(123, -5)).message("hi").randomId(123).build(),
                "{\"_\":\"messages.sendMessage\",\"peer\":{\"_\":\"inputPeerUser\",\"user_id\":\"123\",\"access_hash\":\"-5\"},"
                        + "\"message\":\"hi\",\"random_id\":\"123\"}");
    }

    @Test
    void longsAreDecimalStringsSoThatNoBitIsLostPast2To53() {
        assertJson(new InputPeerUser(Long.MIN_VALUE, Long.MAX_VALUE),
                "{\"_\":\"inputPeerUser\",\"user_id\":\"-9223372036854775808\",\"access_hash\":\"9223372036854775807\"}");
        assertJson(new InputPeerUser((1L << 53) + 1, -((1L << 53) + 1)),
                "{\"_\":\"inputPeerUser\",\"user_id\":\"9007199254740993\",\"access_hash\":\"-9007199254740993\"}");
        assertThat(MAPPER.readValue("{\"_\":\"inputPeerUser\",\"user_id\":9007199254740993,\"access_hash\":-1}", TlObject.class))
                .as("a JSON integer is read exactly too").isEqualTo(new InputPeerUser((1L << 53) + 1, -1));
        assertJson(new MsgsAck(List.of(1L, -2L)), "{\"_\":\"msgs_ack\",\"msg_ids\":[\"1\",\"-2\"]}");
    }

    @Test
    void bytesInt128AndInt256AreStandardBase64WithPadding() {
        byte[] a = {(byte) 0xfb, (byte) 0xff, (byte) 0xfe};
        assertJson(new InputCheckPasswordSRP(7, a, new byte[0]),
                "{\"_\":\"inputCheckPasswordSRP\",\"srp_id\":\"7\",\"A\":\"+//+\",\"M1\":\"\"}");
        byte[] nonce = HexFormat.of().parseHex("3e0549828cca27e966b301a48fece2fc");
        ResPQ resPq = new ResPQ(nonce, nonce, new byte[] {1}, List.of(-3414540481677951611L));
        assertJson(resPq, "{\"_\":\"resPQ\",\"nonce\":\"PgVJgozKJ+lmswGkj+zi/A==\",\"server_nonce\":\"PgVJgozKJ+lmswGkj+zi/A==\","
                + "\"pq\":\"AQ==\",\"server_public_key_fingerprints\":[\"-3414540481677951611\"]}");
        assertThat(MAPPER.readValue("{\"_\":\"inputCheckPasswordSRP\",\"srp_id\":\"7\",\"A\":\"+//+\",\"M1\":\"AQ\"}", TlObject.class))
                .as("padding is optional when reading").isEqualTo(new InputCheckPasswordSRP(7, a, new byte[] {1}));
    }

    @Test
    void intsAreNumbersBoolsAreBooleansAndDoublesAreNumbersOrNamedStrings() {
        assertJson(DeleteMessages.builder().revoke(true).id(List.of(1, -2, Integer.MAX_VALUE)).build(),
                "{\"_\":\"messages.deleteMessages\",\"revoke\":true,\"id\":[1,-2,2147483647]}");
        assertJson(new UpdateStatus(false), "{\"_\":\"account.updateStatus\",\"offline\":false}");
        assertJson(new InputGeoPoint(-0.0, 55.75, 12), "{\"_\":\"inputGeoPoint\",\"lat\":-0.0,\"long\":55.75,\"accuracy_radius\":12}");
        assertJson(new InputGeoPoint(Double.NaN, Double.POSITIVE_INFINITY, null),
                "{\"_\":\"inputGeoPoint\",\"lat\":\"NaN\",\"long\":\"Infinity\"}");
        assertJson(new InputGeoPoint(Double.NEGATIVE_INFINITY, Double.MIN_VALUE, null),
                "{\"_\":\"inputGeoPoint\",\"lat\":\"-Infinity\",\"long\":4.9E-324}");
    }

    @Test
    void untypedFieldsAndWrappedQueriesAreObjectsWithTheirOwnName() {
        assertJson(new RpcResult(5, new RpcError(420, "FLOOD_WAIT_3")),
                "{\"_\":\"rpc_result\",\"req_msg_id\":\"5\",\"result\":{\"_\":\"rpc_error\",\"error_code\":420,\"error_message\":\"FLOOD_WAIT_3\"}}");
        InitConnection<ConfigType> init = InitConnection.<ConfigType>builder().apiId(1).deviceModel("d").systemVersion("s")
                .appVersion("a").systemLangCode("en").langPack("").langCode("en").query(GetConfig.INSTANCE).build();
        InvokeWithLayer<ConfigType> call = new InvokeWithLayer<>(ApiSchema.LAYER, init);
        String json = MAPPER.writeValueAsString(call);
        assertThat(json).isEqualTo("{\"_\":\"invokeWithLayer\",\"layer\":" + ApiSchema.LAYER + ",\"query\":{\"_\":\"initConnection\","
                + "\"api_id\":1,\"device_model\":\"d\",\"system_version\":\"s\",\"app_version\":\"a\",\"system_lang_code\":\"en\","
                + "\"lang_pack\":\"\",\"lang_code\":\"en\",\"query\":{\"_\":\"help.getConfig\"}}}");
        assertThat(MAPPER.readValue(json, TlMethod.class)).isEqualTo(call);
    }

    @Test
    void bareValuesCarryTheirNameTooWhichReadingDoesNotNeed() {
        MsgContainer container = new MsgContainer(List.of(new Message(5, 1, 12, new Ping(7))));
        assertJson(container, "{\"_\":\"msg_container\",\"messages\":[{\"_\":\"message\",\"msg_id\":\"5\",\"seqno\":1,\"bytes\":12,"
                + "\"body\":{\"_\":\"ping\",\"ping_id\":\"7\"}}]}");
        assertThat(MAPPER.readValue("{\"_\":\"msg_container\",\"messages\":[{\"msg_id\":\"5\",\"seqno\":1,\"bytes\":12,"
                + "\"body\":{\"_\":\"ping\",\"ping_id\":\"7\"}}]}", TlObject.class)).isEqualTo(container);
    }

    @Test
    void readingTakesMembersInAnyOrderIgnoresFlagsWordsAndReadsNullAndFalseAsAbsent() {
        String json = """
                {"message": "hi", "flags": 2, "random_id": "123", "no_webpage": false, "reply_to": null,
                 "peer": {"access_hash": "-5", "_": "inputPeerUser", "user_id": "123"},
                 "entities": [{"length": 2, "offset": 0, "_": "messageEntityBold"}], "silent": true,
                 "_": "messages.sendMessage"}""";
        assertThat(MAPPER.readValue(json, TlObject.class)).isEqualTo(hi());
        assertThat(MAPPER.readValue(json, SendMessage.class)).isEqualTo(hi());
        assertThat(MAPPER.readValue(json, TlMethod.class)).isEqualTo(hi());
    }

    record Envelope(String note, TlObject call, List<Message> messages) {
    }

    @Test
    void tlObjectsNestInsideOtherBeans() {
        Envelope envelope = new Envelope("n", hi(), List.of(new Message(1, 2, 3, new Ping(4))));
        String json = MAPPER.writeValueAsString(envelope);
        assertThat(json).startsWith("{\"note\":\"n\",\"call\":{\"_\":\"messages.sendMessage\"");
        assertThat(MAPPER.readValue(json, Envelope.class)).isEqualTo(envelope);
    }

    @Test
    void mappersThatFindModulesFindThisOne() {
        JsonMapper found = JsonMapper.builder().findAndAddModules().build();
        assertThat(found.registeredModules()).anyMatch(m -> m instanceof TlJacksonModule);
        assertThat(found.writeValueAsString(new Ping(1))).isEqualTo("{\"_\":\"ping\",\"ping_id\":\"1\"}");
    }
}
