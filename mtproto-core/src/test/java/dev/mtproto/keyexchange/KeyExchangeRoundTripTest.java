package dev.mtproto.keyexchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.crypto.DhValidator;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.crypto.RsaPrivateKey;
import dev.mtproto.crypto.TelegramRsaKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Client and server in memory: both sides must derive the same key, salt and lifetime. */
class KeyExchangeRoundTripTest {
    private static final long SERVER_NOW = 1_800_000_000L;
    private static final Clock SERVER_CLOCK = Clock.fixed(Instant.ofEpochSecond(SERVER_NOW), ZoneOffset.UTC);
    private static final Clock CLIENT_CLOCK = Clock.fixed(Instant.ofEpochSecond(SERVER_NOW - 100), ZoneOffset.UTC);

    private static ClientKeyExchangeBuilder client(int dc, RsaPrivateKey... trusted) {
        return ClientKeyExchange.builder(dc, TestKeys.ring(trusted)).random(new SeededRandom(11)).clock(CLIENT_CLOCK);
    }

    private static ServerKeyExchangeBuilder server(RsaPrivateKey... keys) {
        return ServerKeyExchange.builder(2, List.of(keys)).random(new SeededRandom(22)).clock(SERVER_CLOCK);
    }

    @Test
    void permanentKeyWithTheLocalTestKey() {
        InMemoryExchange.Results results = InMemoryExchange.run(client(2, TestKeys.LOCAL).build(),
                server(TestKeys.LOCAL).build());

        assertThat(results.roundTrips()).isEqualTo(3);
        assertThat(results.client().authKey()).isEqualTo(results.server().authKey());
        assertThat(results.client().authKey().toByteArray()).isEqualTo(results.server().authKey().toByteArray());
        assertThat(results.client().firstServerSalt()).isEqualTo(results.server().firstServerSalt());
        assertThat(results.client().lifetime()).isEqualTo(KeyLifetime.permanent()).isEqualTo(results.server().lifetime());
        assertThat(results.client().serverTime()).isEqualTo((int) SERVER_NOW);
        assertThat(results.client().timeOffsetSeconds()).isEqualTo(100);
        assertThat(results.client().dcId()).isEqualTo(2);
        assertThat(results.server().clientDcId()).isEqualTo(OptionalInt.of(2));
        assertThat(results.server().innerDataForm()).isEqualTo(PqInnerDataForm.DC);
        assertThat(results.server().rsaScheme()).isEqualTo(RsaScheme.RSA_PAD);
        assertThat(results.server().reqPqMulti()).isTrue();
    }

    @Test
    void temporaryKeyWithAFreshKey() {
        InMemoryExchange.Results results = InMemoryExchange.run(
                client(2, TestKeys.fresh()).temporaryKey(86_400).build(), server(TestKeys.fresh()).build());

        assertThat(results.client().authKey()).isEqualTo(results.server().authKey());
        assertThat(results.client().firstServerSalt()).isEqualTo(results.server().firstServerSalt());
        KeyLifetime expected = new KeyLifetime.Temporary(86_400, SERVER_NOW + 86_400);
        assertThat(results.client().lifetime()).isEqualTo(expected);
        assertThat(results.server().lifetime()).isEqualTo(expected);
        assertThat(results.server().innerDataForm()).isEqualTo(PqInnerDataForm.TEMP_DC);
    }

    @Test
    void bothKeysWithBothLifetimes() {
        for (RsaPrivateKey key : List.of(TestKeys.LOCAL, TestKeys.fresh())) {
            for (int expiresIn : new int[] {0, 3600}) {
                ClientKeyExchangeBuilder builder = client(-2, key);
                if (expiresIn > 0) {
                    builder.temporaryKey(expiresIn);
                }
                InMemoryExchange.Results results = InMemoryExchange.run(builder.build(), server(key).build());
                assertThat(results.client().authKey()).isEqualTo(results.server().authKey());
                assertThat(results.client().firstServerSalt()).isEqualTo(results.server().firstServerSalt());
                assertThat(results.client().lifetime()).isEqualTo(results.server().lifetime());
                assertThat(results.client().lifetime().isTemporary()).isEqualTo(expiresIn > 0);
                assertThat(results.server().innerDataForm())
                        .isEqualTo(expiresIn > 0 ? PqInnerDataForm.TEMP_DC : PqInnerDataForm.DC);
            }
        }
    }

    @Test
    void permanentKeyWithAFreshKeyAndSecureRandomness() {
        for (int i = 0; i < 3; i++) {
            InMemoryExchange.Results results = InMemoryExchange.run(
                    ClientKeyExchange.builder(2, TestKeys.ring(TestKeys.fresh())).build(),
                    ServerKeyExchange.builder(2, List.of(TestKeys.fresh())).build());
            assertThat(results.client().authKey()).isEqualTo(results.server().authKey());
            assertThat(results.client().firstServerSalt()).isEqualTo(results.server().firstServerSalt());
            assertThat(Math.abs(results.client().timeOffsetSeconds())).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void theServerOffersEveryKeyAndTheClientPicksTheOneItTrusts() {
        InMemoryExchange.Results results = InMemoryExchange.run(client(2, TestKeys.LOCAL).build(),
                server(TestKeys.fresh(), TestKeys.LOCAL).build());
        assertThat(results.client().authKey()).isEqualTo(results.server().authKey());
    }

    @Test
    void testAndMediaDcIdsReachTheSameServer() {
        for (int dc : new int[] {2, -2, 10002, -10002}) {
            InMemoryExchange.Results results = InMemoryExchange.run(client(dc, TestKeys.LOCAL).build(),
                    server(TestKeys.LOCAL).build());
            assertThat(results.server().clientDcId()).isEqualTo(OptionalInt.of(dc));
            assertThat(results.client().dcId()).isEqualTo(dc);
        }
    }

    @Test
    void anotherDcIsRefusedByTheServer() {
        ClientKeyExchange client = client(3, TestKeys.LOCAL).build();
        ServerKeyExchange server = server(TestKeys.LOCAL).build();
        byte[] reqDh = send(client.onMessage(server.onMessage(client.start()).payload()));
        assertThatThrownBy(() -> server.onMessage(reqDh)).isInstanceOf(KeyExchangeException.class)
                .hasMessage("p_q_inner_data_dc: dc 3 is not this DC (accepted: [2, -2, 10002, -10002])");
    }

    @Test
    void aServerWithAnotherValidGeneratorWorks() {
        InMemoryExchange.Results results = InMemoryExchange.run(client(2, TestKeys.LOCAL).build(),
                server(TestKeys.LOCAL).dhGroup(new DhGroup(DhValidator.TELEGRAM_PRIME, 7)).build());
        assertThat(results.client().authKey()).isEqualTo(results.server().authKey());
    }

    @Test
    void oneDhGenRetryThenOk() {
        List<Long> keyIds = new ArrayList<>();
        ServerKeyExchangePolicy retryOnce = (attempt, keyId) -> {
            keyIds.add(keyId);
            return attempt == 1 ? DhGenAnswer.RETRY : DhGenAnswer.OK;
        };
        InMemoryExchange.Results results = InMemoryExchange.run(client(2, TestKeys.LOCAL).build(),
                server(TestKeys.LOCAL).policy(retryOnce).build());

        assertThat(results.roundTrips()).isEqualTo(4);
        assertThat(keyIds).hasSize(2);
        assertThat(keyIds.get(0)).as("a fresh b gives another key").isNotEqualTo(keyIds.get(1));
        assertThat(results.client().authKey().id()).isEqualTo(keyIds.get(1));
        assertThat(results.client().authKey()).isEqualTo(results.server().authKey());
    }

    @Test
    void theRetryCarriesTheAuxHashOfTheRefusedKeyAndAFreshGb() {
        ClientKeyExchange client = client(2, TestKeys.LOCAL).build();
        List<Long> keyIds = new ArrayList<>();
        ServerKeyExchange server = server(TestKeys.LOCAL).policy((attempt, keyId) -> {
            keyIds.add(keyId);
            return attempt == 1 ? DhGenAnswer.RETRY : DhGenAnswer.OK;
        }).build();
        byte[] reqDh = send(client.onMessage(server.onMessage(client.start()).payload()));
        Eavesdropper eve = new Eavesdropper(reqDh, TestKeys.LOCAL);
        byte[] first = send(client.onMessage(server.onMessage(reqDh).payload()));
        ServerStep retry = server.onMessage(first);
        byte[] second = send(client.onMessage(retry.payload()));

        assertThat(eve.clientInner(first).retryId()).isZero();
        assertThat(eve.clientInner(second).retryId()).isNotZero();
        assertThat(eve.clientInner(second).gB()).isNotEqualTo(eve.clientInner(first).gB());
        assertThat(server.onMessage(second)).isInstanceOf(ServerStep.Done.class);
    }

    @Test
    void fourRetriesStillSucceedWithinTheDefaultLimitOfFive() {
        InMemoryExchange.Results results = InMemoryExchange.run(client(2, TestKeys.LOCAL).build(),
                server(TestKeys.LOCAL).policy(ServerKeyExchangePolicy.retryFirst(4)).maxDhAttempts(10).build());
        assertThat(results.roundTrips()).isEqualTo(7);
        assertThat(results.client().authKey()).isEqualTo(results.server().authKey());
    }

    @Test
    void theClientGivesUpAfterFiveAttempts() {
        List<Integer> attempts = new ArrayList<>();
        ServerKeyExchange server = server(TestKeys.LOCAL).maxDhAttempts(100).policy((attempt, keyId) -> {
            attempts.add(attempt);
            return DhGenAnswer.RETRY;
        }).build();
        assertThatThrownBy(() -> InMemoryExchange.run(client(2, TestKeys.LOCAL).build(), server))
                .isInstanceOf(KeyExchangeException.class)
                .hasMessage("dh_gen_retry: the server asked for another attempt after 5 set_client_DH_params; "
                        + "the limit is 5");
        assertThat(attempts).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void theClientLimitIsConfigurable() {
        ServerKeyExchange server = server(TestKeys.LOCAL).policy(ServerKeyExchangePolicy.retryFirst(1)).build();
        assertThatThrownBy(() -> InMemoryExchange.run(client(2, TestKeys.LOCAL).maxDhAttempts(1).build(), server))
                .isInstanceOf(KeyExchangeException.class).hasMessageContaining("the limit is 1");
    }

    @Test
    void theServerTurnsARetryBeyondItsLimitIntoDhGenFail() {
        ServerKeyExchange server = server(TestKeys.LOCAL).maxDhAttempts(3)
                .policy(ServerKeyExchangePolicy.always(DhGenAnswer.RETRY)).build();
        assertThatThrownBy(() -> InMemoryExchange.run(client(2, TestKeys.LOCAL).build(), server))
                .isInstanceOf(KeyExchangeRejectedException.class)
                .hasMessage("dh_gen_fail: the server refused the key (new_nonce_hash3 verified)");
    }

    @Test
    void dhGenFailEndsBothSides() {
        ClientKeyExchange client = client(2, TestKeys.LOCAL).build();
        ServerKeyExchange server = server(TestKeys.LOCAL).policy(ServerKeyExchangePolicy.always(DhGenAnswer.FAIL)).build();
        byte[] reqDh = send(client.onMessage(server.onMessage(client.start()).payload()));
        byte[] setParams = send(client.onMessage(server.onMessage(reqDh).payload()));
        ServerStep fail = server.onMessage(setParams);
        assertThat(fail).isInstanceOf(ServerStep.Rejected.class);
        assertThatThrownBy(() -> client.onMessage(fail.payload())).isInstanceOf(KeyExchangeRejectedException.class)
                .hasMessageStartingWith("dh_gen_fail: ");
        assertThatThrownBy(() -> server.onMessage(setParams)).isInstanceOf(KeyExchangeException.class)
                .hasMessageContaining("has ended (rejected)");
    }

    @Test
    void serverDhParamsFailIsAnAuthenticatedRefusal() {
        ClientKeyExchange client = client(2, TestKeys.LOCAL).build();
        ServerKeyExchange server = server(TestKeys.LOCAL).policy(ServerKeyExchangePolicy.refuseDhParamsAlways()).build();
        byte[] reqDh = send(client.onMessage(server.onMessage(client.start()).payload()));
        ServerStep refusal = server.onMessage(reqDh);
        assertThat(refusal).isInstanceOf(ServerStep.Rejected.class);
        assertThatThrownBy(() -> client.onMessage(refusal.payload()))
                .isInstanceOf(KeyExchangeRejectedException.class)
                .hasMessage("server_DH_params_fail: the server refused req_DH_params");
    }

    @Test
    void aClientThatTrustsOnlyTelegramsKeysListsWhatTheServerOffered() {
        ClientKeyExchange client = ClientKeyExchange.builder(2, TelegramRsaKeys.production())
                .random(new SeededRandom(3)).build();
        ServerKeyExchange server = server(TestKeys.LOCAL).build();
        byte[] resPq = server.onMessage(client.start()).payload();
        assertThatThrownBy(() -> client.onMessage(resPq)).isInstanceOf(KeyExchangeException.class)
                .hasMessage("resPQ: none of the server's RSA key fingerprints [0x4ed8ee5d6fe6117d] is trusted; "
                        + "trusted: [0xd09d1d85de64fd85]");
    }

    @Test
    void defaultMessageIdsHaveTheRightParityAndIncrease() {
        Clock now = Clock.systemUTC();
        ClientKeyExchange client = ClientKeyExchange.builder(2, TestKeys.ring(TestKeys.LOCAL)).clock(now).build();
        ServerKeyExchange server = ServerKeyExchange.builder(2, List.of(TestKeys.LOCAL)).clock(now).build();
        long lastClient = 0;
        long lastServer = 0;
        byte[] out = client.start();
        while (true) {
            long clientId = Payloads.messageId(out);
            assertThat(clientId & 3).isZero();
            assertThat(clientId).isGreaterThan(lastClient);
            assertThat(clientId >>> 32).isCloseTo(now.instant().getEpochSecond(), org.assertj.core.data.Offset.offset(2L));
            lastClient = clientId;
            ServerStep answer = server.onMessage(out);
            long serverId = Payloads.messageId(answer.payload());
            assertThat(serverId & 3).isEqualTo(1);
            assertThat(serverId).isGreaterThan(lastServer);
            lastServer = serverId;
            ClientStep next = client.onMessage(answer.payload());
            if (next instanceof ClientStep.Done) {
                break;
            }
            out = ((ClientStep.Send) next).payload();
        }
    }

    @Test
    void toStringsShowNoSecrets() {
        ClientKeyExchange client = client(2, TestKeys.LOCAL).build();
        ServerKeyExchange server = server(TestKeys.LOCAL).build();
        InMemoryExchange.Results results = InMemoryExchange.run(client, server);
        String keyHex = Vectors.hex(results.client().authKey().toByteArray()).substring(0, 16);
        for (Object shown : List.of(client, server, results.client(), results.server())) {
            assertThat(shown.toString()).doesNotContainIgnoringCase(keyHex);
        }
        assertThat(client.toString()).isEqualTo("ClientKeyExchange[dc=2, permanent, state=DONE]");
        assertThat(server.toString()).isEqualTo("ServerKeyExchange[keys=[0x4ed8ee5d6fe6117d], state=DONE]");
    }

    @Test
    void buildersRejectBadConfiguration() {
        RandomSource random = new SeededRandom(1);
        assertThatThrownBy(() -> ClientKeyExchange.builder(0, TestKeys.ring(TestKeys.LOCAL)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client(2, TestKeys.LOCAL).temporaryKey(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client(2, TestKeys.LOCAL).maxDhAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerKeyExchange.builder(0, List.of(TestKeys.LOCAL)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerKeyExchange.builder(10002, List.of(TestKeys.LOCAL)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerKeyExchange.builder(2, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerKeyExchange.builder(2, List.of(TestKeys.LOCAL, TestKeys.LOCAL)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server(TestKeys.LOCAL).dhGroup(new DhGroup(DhValidator.TELEGRAM_PRIME, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("g = 2");
        assertThatThrownBy(() -> server(TestKeys.LOCAL).random(random).acceptedDcIds())
                .isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] send(ClientStep step) {
        assertThat(step).isInstanceOf(ClientStep.Send.class);
        return ((ClientStep.Send) step).payload();
    }
}
