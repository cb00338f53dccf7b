package dev.mtproto.tl;

import static dev.mtproto.tl.TlJsonRoundTripTest.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.mtproto.tl.api.ApiRandomObjects;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.RichText;
import dev.mtproto.tl.api.messages.SendMessage;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * JSON that is not a valid TL object fails with a {@link TlJsonException} that says what is wrong and
 * where (JSON Pointer, line, column); malformed JSON fails in Jackson; nothing else ever comes out.
 */
class TlJsonHostileInputTest {
    private static final String PEER = "{\"_\":\"inputPeerUser\",\"user_id\":\"1\",\"access_hash\":\"2\"}";

    private static AbstractThrowableAssert<?, ? extends Throwable> assertFails(String json, Class<?> type) {
        return assertThatThrownBy(() -> MAPPER.readValue(json, type)).isInstanceOf(TlJsonException.class);
    }

    private static TlJsonException failure(String json, Class<?> type) {
        try {
            MAPPER.readValue(json, type);
        } catch (TlJsonException e) {
            return e;
        }
        return fail("no TlJsonException for " + json);
    }

    @Test
    void unknownAndUnexpectedConstructorsAreNamed() {
        assertFails("{\"_\":\"noSuchThing\"}", TlObject.class)
                .hasMessage("TL JSON failed at /_ (line 1, column 6): expected a constructor or function of a registered"
                        + " schema, found 'noSuchThing', which no registered schema declares");
        assertFails(PEER, MessageType.class)
                .hasMessageContaining("expected a constructor of Message, found 'inputPeerUser' (a constructor of InputPeer)");
        TlJsonException nested = failure("{\"_\":\"messages.sendMessage\",\"peer\":{\"_\":\"inputUserSelf\"},\"message\":\"\",\"random_id\":\"1\"}",
                TlObject.class);
        assertThat(nested.pointer()).as("the \"_\" that is wrong").isEqualTo("/peer/_");
        assertThat(nested.problem()).isEqualTo("expected a constructor of InputPeer, found 'inputUserSelf' (a constructor of InputUser)");
        assertFails("{\"_\":\"invokeWithLayer\",\"layer\":1,\"query\":" + PEER + "}", TlObject.class)
                .hasMessageContaining("expected a function, found constructor 'inputPeerUser'");
        assertFails(PEER, TlMethod.class).hasMessageContaining("expected a function");
        assertFails(PEER, SendMessage.class).hasMessageContaining("expected 'messages.sendMessage', found 'inputPeerUser'");
    }

    @Test
    void theTypeNameMustBeThereAndBeAString() {
        assertFails("{\"user_id\":\"1\",\"access_hash\":\"2\"}", TlObject.class).hasMessageContaining("has no \"_\"");
        assertFails("{}", TlObject.class).hasMessageContaining("has no \"_\"");
        assertFails("{\"_\":5}", TlObject.class).hasMessageContaining("\"_\" must be a string");
        assertFails("{\"a\":1,\"_\":[]}", TlObject.class).hasMessageContaining("\"_\" must be a string");
        assertFails("[" + PEER + "]", TlObject.class).hasMessageContaining("expected an object, found an array");
        assertFails("\"inputPeerEmpty\"", TlObject.class).hasMessageContaining("expected an object, found the string");
    }

    @Test
    void unknownAndMissingFieldsAreNamedWithTheirPosition() {
        TlJsonException unknown = failure("{\"_\":\"inputPeerUser\",\n \"user_id\":\"1\",\n \"extra\":1,\"access_hash\":\"2\"}", TlObject.class);
        assertThat(unknown.problem()).isEqualTo("'inputPeerUser' has no field 'extra'");
        assertThat(unknown.pointer()).isEqualTo("/extra");
        assertThat(unknown.line()).isEqualTo(3);
        assertThat(unknown.column()).as("the value of \"extra\"").isEqualTo(10);
        assertFails("{\"_\":\"inputPeerUser\",\"user_id\":\"1\"}", TlObject.class)
                .hasMessageContaining("'inputPeerUser' needs the field 'access_hash', which is missing");

        // objects whose "_" comes late are read from a buffer: the pointer still says where, the position is the object's
        TlJsonException late = failure("{\"message\":\"hi\",\"random_id\":\"1\",\n\"peer\":{\"user_id\":\"x\",\"_\":\"inputPeerUser\","
                + "\"access_hash\":\"1\"},\"_\":\"messages.sendMessage\"}", TlObject.class);
        assertThat(late.pointer()).isEqualTo("/peer/user_id");
        assertThat(late.problem()).isEqualTo("\"x\" is not a long (a decimal string from -9223372036854775808 to 9223372036854775807)");
        assertThat(late.line()).isEqualTo(1);
        assertFails("{\"_\":\"messages.sendMessage\",\"peer\":" + PEER + ",\"random_id\":\"1\"}", TlObject.class)
                .hasMessageContaining("needs the field 'message'");
        assertFails("{\"_\":\"inputPeerEmpty\",\"x\":null}", TlObject.class).hasMessageContaining("'inputPeerEmpty' has no field 'x'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "int as a string      | {\"_\":\"messageEntityBold\",\"offset\":\"1\",\"length\":2}           | /offset | expected an int (a JSON integer), found the string \"1\"",
        "int out of range     | {\"_\":\"messageEntityBold\",\"offset\":2147483648,\"length\":2}       | /offset | 2147483648 is out of range for an int",
        "int as a fraction    | {\"_\":\"messageEntityBold\",\"offset\":1.5,\"length\":2}              | /offset | expected an int (a JSON integer), found the number 1.5",
        "int as null          | {\"_\":\"messageEntityBold\",\"offset\":null,\"length\":2}             | /offset | expected an int (a JSON integer), found null",
        "long not decimal     | {\"_\":\"inputPeerUser\",\"user_id\":\"12x\",\"access_hash\":\"2\"}     | /user_id | \"12x\" is not a long",
        "long with a plus     | {\"_\":\"inputPeerUser\",\"user_id\":\"+1\",\"access_hash\":\"2\"}      | /user_id | \"+1\" is not a long",
        "long too large       | {\"_\":\"inputPeerUser\",\"user_id\":\"9223372036854775808\",\"access_hash\":\"2\"} | /user_id | is not a long",
        "long number too large| {\"_\":\"inputPeerUser\",\"user_id\":9223372036854775808,\"access_hash\":\"2\"} | /user_id | 9223372036854775808 is out of range for a long",
        "long as a boolean    | {\"_\":\"inputPeerUser\",\"user_id\":true,\"access_hash\":\"2\"}        | /user_id | expected a long (a decimal string), found true",
        "bytes not base64     | {\"_\":\"inputCheckPasswordSRP\",\"srp_id\":\"1\",\"A\":\"@@\",\"M1\":\"\"} | /A | \"@@\" is not standard base64",
        "bytes url-safe       | {\"_\":\"inputCheckPasswordSRP\",\"srp_id\":\"1\",\"A\":\"-_-_\",\"M1\":\"\"} | /A | is not standard base64",
        "string as a number   | {\"_\":\"textPlain\",\"text\":5}                                         | /text | expected a string, found the number 5",
        "object as an array   | {\"_\":\"textBold\",\"text\":[]}                                         | /text | expected an object, found an array",
        "vector as an object  | {\"_\":\"msgs_ack\",\"msg_ids\":{}}                                      | /msg_ids | expected a Vector<long> (a JSON array), found an object",
        "vector element       | {\"_\":\"msgs_ack\",\"msg_ids\":[\"1\",2.5]}                               | /msg_ids/1 | expected a long (a decimal string), found the number 2.5",
        "Bool as a string     | {\"_\":\"account.updateStatus\",\"offline\":\"true\"}                    | /offline | expected a Bool (true or false), found the string \"true\"",
        "double as a word     | {\"_\":\"inputGeoPoint\",\"lat\":\"north\",\"long\":1}                    | /lat | expected a double",
        "true flag as 1       | {\"_\":\"account.updateStatus\",\"offline\":true,\"x\":1}                | /x | has no field 'x'",
        "flags word as text   | {\"_\":\"inputGeoPoint\",\"flags\":\"1\",\"lat\":1,\"long\":1}             | /flags | a flags word is a JSON integer",
    })
    void wrongValueTypesAreRefusedAtTheirPointer(String name, String json, String pointer, String problem) {
        TlJsonException e = failure(json, TlObject.class);
        assertThat(e.pointer()).as(name).isEqualTo(pointer);
        assertThat(e.problem()).as(name).contains(problem);
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void fixedLengthNumbersMustHaveTheirLength() {
        String nonce15 = "AAAAAAAAAAAAAAAAAAAA"; // 15 bytes
        TlJsonException e = failure("{\"_\":\"resPQ\",\"nonce\":\"" + nonce15 + "\",\"server_nonce\":\"\",\"pq\":\"\","
                + "\"server_public_key_fingerprints\":[]}", TlObject.class);
        assertThat(e.pointer()).isEqualTo("/nonce");
        assertThat(e.problem()).isEqualTo("an int128 is 16 bytes, this base64 holds 15");
    }

    @Test
    void fieldsThatShareAFlagBitMustBeSetTogether() {
        String json = "{\"_\":\"message\",\"id\":1,\"peer_id\":{\"_\":\"peerUser\",\"user_id\":\"1\"},\"date\":0,\"message\":\"m\",\"views\":3}";
        TlJsonException e = failure(json, MessageType.class);
        assertThat(e.problem()).startsWith("'message' refuses these values: Message: views, forwards share flags.10");
        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deepNestingIsRefusedLikeTheBinaryForm() {
        StringBuilder json = new StringBuilder();
        int depth = TlJsonReader.MAX_NESTING + 5;
        for (int i = 0; i < depth; i++) {
            json.append("{\"_\":\"textBold\",\"text\":");
        }
        json.append("{\"_\":\"textPlain\",\"text\":\"x\"}").append("}".repeat(depth));
        assertFails(json.toString(), RichText.class).hasMessageContaining("values nested deeper than 100 levels");
        assertFails(json.toString(), TlObject.class).hasMessageContaining("values nested deeper than 100 levels");

        StringBuilder wrapped = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            wrapped.append("{\"_\":\"invokeWithoutUpdates\",\"query\":");
        }
        wrapped.append("{\"_\":\"help.getConfig\"}").append("}".repeat(depth));
        assertFails(wrapped.toString(), TlMethod.class).hasMessageContaining("values nested deeper than 100 levels");
    }

    @Test
    void malformedJsonIsJacksonsToReport() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"_\":", TlObject.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"_\":\"ping\",\"ping_id\":\"1\",}", TlObject.class)).isInstanceOf(JacksonException.class);
    }

    record Holder(TlObject value) {
    }

    @Test
    void insideAnotherBeanJacksonWrapsTheTypedError() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"value\":{\"_\":\"nope\"}}", Holder.class))
                .isInstanceOf(DatabindException.class)
                .cause().isInstanceOf(TlJsonException.class).hasMessageContaining("'nope'");
    }

    @Test
    void mutatedJsonOfEveryKindOfObjectGivesOnlyTypedErrors() {
        SplittableRandom random = new SplittableRandom(42);
        List<TlConstructorInfo> infos = GeneratedInstances.SCHEMAS.get(0).generated().toList();
        String alphabet = "{}[]\",:_0123456789.-eE+/=nulltrfasxyzAB \\";
        int decoded = 0;
        for (int round = 0; round < 3000; round++) {
            TlConstructorInfo info = infos.get(random.nextInt(infos.size()));
            StringBuilder json = new StringBuilder(MAPPER.writeValueAsString(ApiRandomObjects.create(info.id(),
                    new SeededRandomSource(round, 2))));
            for (int m = 1 + random.nextInt(3); m > 0 && json.length() > 0; m--) {
                int at = random.nextInt(json.length());
                switch (random.nextInt(3)) {
                    case 0 -> json.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> json.deleteCharAt(at);
                    default -> json.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            try {
                MAPPER.readValue(json.toString(), TlObject.class);
                decoded++;
            } catch (TlJsonException | JacksonException expected) {
                // the only failures allowed
            }
        }
        assertThat(decoded).as("some mutations still form valid objects").isPositive();
    }
}
