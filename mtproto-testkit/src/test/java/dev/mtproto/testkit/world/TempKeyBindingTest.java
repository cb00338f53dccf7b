package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.RawCalls.assertRpcError;
import static dev.mtproto.testkit.world.WorldClient.GET_ME;
import static dev.mtproto.testkit.world.WorldClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.testkit.MutableClock;
import dev.mtproto.testkit.RawClient;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDc;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.Config;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.auth.BindTempAuthKey;
import dev.mtproto.tl.api.help.GetConfig;
import dev.mtproto.tl.mtproto.BindAuthKeyInner;
import dev.mtproto.tl.mtproto.RpcError;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Perfect forward secrecy (https://core.telegram.org/api/pfs): a temporary key made with
 * {@code p_q_inner_data_temp_dc} and bound with {@code auth.bindTempAuthKey} whose {@code encrypted_message}
 * the test builds by hand ({@link HandBuiltBinding}); every way to get it wrong, and what a bound key may do.
 */
class TempKeyBindingTest {
    private static final MutableClock CLOCK = new MutableClock();

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().clock(CLOCK));

    private WorldClient permanent;
    private Account bot;
    private AuthKey permKey;

    @BeforeEach
    void signInABotOnAPermanentKey() {
        bot = TELEGRAM.cluster().world().newBot("pfs" + ThreadLocalRandom.current().nextInt(1_000_000) + "_bot").homeDc(1).create();
        permanent = WorldClient.on(TELEGRAM.cluster(), 1, CLOCK::millis);
        permanent.botSignIn(1, bot.botToken());
        permKey = permanent.authKey(1);
    }

    @AfterEach
    void close() {
        permanent.close();
    }

    private static TestDc dc() {
        return TELEGRAM.cluster().dc(1);
    }

    private static int inAnHour() {
        return (int) (CLOCK.millis() / 1000) + 3600;
    }

    /** Binds with a message made right, or as {@code spoil} makes it wrong; @return the answer */
    private Object bind(RawClient temp, AuthKey perm, Function<HandBuiltBinding, HandBuiltBinding> spoil) throws Exception {
        long msgId = temp.nextMsgId();
        long nonce = ThreadLocalRandom.current().nextLong();
        int expiresAt = inAnHour();
        var inner = new BindAuthKeyInner(nonce, temp.authKeyId(), perm.id(), temp.sessionId(), expiresAt);
        byte[] message = spoil.apply(new HandBuiltBinding(perm, msgId, inner)).encrypt();
        return temp.call(msgId, new BindTempAuthKey(perm.id(), nonce, expiresAt, message));
    }

    /** A call to send with the msg_id it is made for. */
    @FunctionalInterface
    private interface BindingCase {
        BindTempAuthKey make(long msgId) throws Exception;
    }

    private static byte[] binding(AuthKey perm, long msgId, BindAuthKeyInner inner) throws Exception {
        return new HandBuiltBinding(perm, msgId, inner).encrypt();
    }


    @Test
    void anUnboundTemporaryKeyMayOnlyBindOrAskForTheConfig() throws Exception {
        try (RawClient temp = RawClient.connectTemporary(dc(), 1, 3600)) {
            assertThat(dc().inspection().authKey(temp.authKeyId()).orElseThrow().temporary()).isTrue();
            assertRpcError(temp.call(GET_ME), 401, "AUTH_KEY_PERM_EMPTY");
            assertRpcError(temp.call(WorldClient.sendCode("+15550001")), 401, "AUTH_KEY_PERM_EMPTY");
            assertThat(temp.call(GetConfig.INSTANCE)).isInstanceOf(Config.class);

            assertThat(bind(temp, permKey, b -> b)).isEqualTo(Boolean.TRUE);
            assertThat(temp.call(GET_ME)).asList().singleElement().extracting(u -> ((User) u).id()).isEqualTo(bot.id());
            assertThat(TELEGRAM.cluster().world().logins().signedIn(1, temp.authKeyId())).contains(bot);
        }
    }

    @Test
    void aMessageWrongInAnyPartIsEncryptedMessageInvalid() throws Exception {
        try (RawClient temp = RawClient.connectTemporary(dc(), 1, 3600); WorldClient other = WorldClient.on(TELEGRAM.cluster(), 1, CLOCK::millis)) {
            other.call(GetConfig.INSTANCE);
            AuthKey otherKey = other.authKey(1);
            Map<String, Function<HandBuiltBinding, HandBuiltBinding>> spoilers = Map.of(
                    "seqno not 0", b -> b.seqNo(1),
                    "msg_len not 40", b -> b.msgLen(44),
                    "msg_key not the plaintext's", HandBuiltBinding::flipMsgKey,
                    "another key's id in front", b -> b.keyIdInFront(otherKey.id()));
            for (var spoiler : spoilers.entrySet()) {
                assertThat(bind(temp, permKey, spoiler.getValue())).as(spoiler.getKey()).isInstanceOf(RpcError.class)
                        .extracting(e -> ((RpcError) e).errorMessage()).isEqualTo("ENCRYPTED_MESSAGE_INVALID");
            }
            int expiresAt = inAnHour();
            long tempId = temp.authKeyId();
            long session = temp.sessionId();
            // each is made for the msg_id it is sent with; one thing in it does not match the call
            Map<String, BindingCase> mismatched = Map.of(
                    "another nonce", id -> new BindTempAuthKey(permKey.id(), 8, expiresAt,
                            binding(permKey, id, new BindAuthKeyInner(7, tempId, permKey.id(), session, expiresAt))),
                    "another expires_at", id -> new BindTempAuthKey(permKey.id(), 7, expiresAt + 1,
                            binding(permKey, id, new BindAuthKeyInner(7, tempId, permKey.id(), session, expiresAt))),
                    "another permanent key named", id -> new BindTempAuthKey(otherKey.id(), 7, expiresAt,
                            binding(permKey, id, new BindAuthKeyInner(7, tempId, permKey.id(), session, expiresAt))),
                    "encrypted with another key", id -> new BindTempAuthKey(permKey.id(), 7, expiresAt,
                            new HandBuiltBinding(otherKey, id, new BindAuthKeyInner(7, tempId, permKey.id(), session, expiresAt))
                                    .keyIdInFront(permKey.id()).encrypt()),
                    "another msg_id", id -> new BindTempAuthKey(permKey.id(), 7, expiresAt,
                            binding(permKey, id + 4, new BindAuthKeyInner(7, tempId, permKey.id(), session, expiresAt))),
                    "another temporary key", id -> new BindTempAuthKey(permKey.id(), 7, expiresAt,
                            binding(permKey, id, new BindAuthKeyInner(7, tempId + 1, permKey.id(), session, expiresAt))),
                    "another session", id -> new BindTempAuthKey(permKey.id(), 7, expiresAt,
                            binding(permKey, id, new BindAuthKeyInner(7, tempId, permKey.id(), session + 1, expiresAt))),
                    "no message at all", id -> new BindTempAuthKey(permKey.id(), 7, expiresAt, new byte[40]));
            for (var c : mismatched.entrySet()) {
                long msgId = temp.nextMsgId();
                Object answer = temp.call(msgId, c.getValue().make(msgId));
                assertThat(answer).as(c.getKey()).isInstanceOf(RpcError.class)
                        .extracting(e -> ((RpcError) e).errorMessage()).isEqualTo("ENCRYPTED_MESSAGE_INVALID");
            }
            assertRpcError(temp.call(GET_ME), 401, "AUTH_KEY_PERM_EMPTY");
            assertThat(bind(temp, permKey, b -> b)).isEqualTo(Boolean.TRUE);
        }
    }

    @Test
    void onAPermanentKeyThereIsNoTemporaryKeyToBind() {
        var call = new BindTempAuthKey(permKey.id(), 1, inAnHour(), new byte[104]);
        assertError(permanent.error(call), 400, "TEMP_AUTH_KEY_EMPTY");
    }

    @Test
    void expiresAtMustBeAheadAndWithinTheTemporaryKeysLife() throws Exception {
        try (RawClient temp = RawClient.connectTemporary(dc(), 1, 600)) {
            for (int expiresAt : new int[] {(int) (CLOCK.millis() / 1000) - 1, (int) (CLOCK.millis() / 1000) + 600 + 301}) {
                long msgId = temp.nextMsgId();
                var inner = new BindAuthKeyInner(3, temp.authKeyId(), permKey.id(), temp.sessionId(), expiresAt);
                assertRpcError(temp.call(msgId, new BindTempAuthKey(permKey.id(), 3, expiresAt, binding(permKey, msgId, inner))), 400,
                        "EXPIRES_AT_INVALID");
            }
        }
    }

    /** https://core.telegram.org/method/auth.bindTempAuthKey: one temporary key per permanent key at a time. */
    @Test
    void aTemporaryKeyBindsToOnePermanentKeyAndANewOneTakesItsPlace() throws Exception {
        try (RawClient first = RawClient.connectTemporary(dc(), 1, 3600); RawClient second = RawClient.connectTemporary(dc(), 1, 3600);
                WorldClient other = WorldClient.on(TELEGRAM.cluster(), 1, CLOCK::millis)) {
            other.call(GetConfig.INSTANCE);
            assertThat(bind(first, permKey, b -> b)).isEqualTo(Boolean.TRUE);
            assertRpcError(bind(first, other.authKey(1), b -> b), 400, "TEMP_AUTH_KEY_ALREADY_BOUND");
            assertThat(bind(first, permKey, b -> b)).as("bound again to the same key").isEqualTo(Boolean.TRUE);

            assertThat(bind(second, permKey, b -> b)).isEqualTo(Boolean.TRUE);
            assertRpcError(first.call(GET_ME), 401, "AUTH_KEY_PERM_EMPTY");
            assertThat(second.call(GET_ME)).asList().hasSize(1);
        }
    }

    /** https://core.telegram.org/api/pfs: "non-existent auth_key_id results in a 404 error". */
    @Test
    void anExpiredTemporaryKeyIsForgotten() throws Exception {
        try (RawClient temp = RawClient.connectTemporary(dc(), 1, 60)) {
            assertRpcError(bind(temp, permKey, b -> b), 400, "EXPIRES_AT_INVALID"); // an hour: beyond the key's life
            long msgId = temp.nextMsgId();
            int expiresAt = (int) (CLOCK.millis() / 1000) + 60;
            var inner = new BindAuthKeyInner(5, temp.authKeyId(), permKey.id(), temp.sessionId(), expiresAt);
            assertThat(temp.call(msgId, new BindTempAuthKey(permKey.id(), 5, expiresAt, binding(permKey, msgId, inner)))).isEqualTo(Boolean.TRUE);
            CLOCK.advance(Duration.ofSeconds(61));
            assertThat(dc().inspection().authKey(temp.authKeyId())).isEmpty();
            assertThat(TELEGRAM.cluster().world().logins().signedIn(1, temp.authKeyId())).isEmpty();
        }
    }
}
