package dev.mtproto.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Contracts of the public types: argument checks, header rules, secrets, builders. */
class TransportApiTest {

    private static final int MAX = FrameCodec.DEFAULT_MAX_FRAME_LENGTH;
    private static final ByteSink NOWHERE = (b, off, len) -> { };

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void encodeRejectsPayloadsNoFramingCanCarry(TransportKind kind) {
        FrameCodec codec = kind.newCodec(TransportSide.CLIENT, 64, new ScriptedRandom(new byte[64]));
        assertThatThrownBy(() -> codec.encode(new byte[8], 0, 0, false, NOWHERE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive multiple of 4");
        assertThatThrownBy(() -> codec.encode(new byte[8], 0, 6, false, NOWHERE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.encode(new byte[68], 0, 68, false, NOWHERE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the limit 64");
        assertThatThrownBy(() -> codec.encode(new byte[8], 4, 8, false, NOWHERE))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> codec.encodeQuickAck(0x80000001, NOWHERE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> codec.encodeTransportError(-404, NOWHERE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> codec.decode(new byte[4], 2, 4, (b, o, l, q) -> { }))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void theServerSideNeitherRequestsQuickAcksNorSendsBadTokens(TransportKind kind) {
        FrameCodec codec = kind.newCodec(TransportSide.SERVER, MAX, new ScriptedRandom());
        assertThatThrownBy(() -> codec.encode(new byte[8], 0, 8, true, NOWHERE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> codec.encodeTransportError(404, NOWHERE)).isInstanceOf(IllegalArgumentException.class);
        if (kind.supportsQuickAck()) {
            assertThatThrownBy(() -> codec.encodeQuickAck(0x12345678, NOWHERE))
                    .isInstanceOf(IllegalArgumentException.class);
        } else {
            assertThatThrownBy(() -> codec.encodeQuickAck(0x92345678, NOWHERE)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void fullIgnoresTheQuickAckRequest() {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        new FullCodec(TransportSide.CLIENT, MAX).encode(new byte[8], 0, 8, true, a::write);
        new FullCodec(TransportSide.CLIENT, MAX).encode(new byte[8], 0, 8, false, b::write);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
    }

    @Test
    void abridgedSwitchesToTheLongFormAt127Words() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AbridgedCodec codec = new AbridgedCodec(TransportSide.CLIENT, MAX);
        codec.encode(new byte[504], 0, 504, false, out::write);
        assertThat(out.size()).isEqualTo(505);
        assertThat(out.toByteArray()[0]).isEqualTo((byte) 0x7e);
        out.reset();
        codec.encode(new byte[508], 0, 508, true, out::write);
        assertThat(Arrays.copyOf(out.toByteArray(), 4)).isEqualTo(HexFormat.of().parseHex("ff7f0000"));
    }

    @Test
    void tagsAndCapabilities() {
        assertThat(TransportKind.ABRIDGED.connectionTag()).isEqualTo(new byte[] {(byte) 0xef});
        assertThat(TransportKind.INTERMEDIATE.connectionTag()).isEqualTo(HexFormat.of().parseHex("eeeeeeee"));
        assertThat(TransportKind.PADDED_INTERMEDIATE.connectionTag()).isEqualTo(HexFormat.of().parseHex("dddddddd"));
        assertThat(TransportKind.FULL.connectionTag()).isEmpty();
        assertThat(TransportKind.ABRIDGED.obfuscationTag()).isEqualTo(0xefefefef);
        assertThat(TransportKind.fromObfuscationTag(0xdddddddd)).contains(TransportKind.PADDED_INTERMEDIATE);
        assertThat(TransportKind.fromObfuscationTag(0)).isEmpty();
        assertThatThrownBy(TransportKind.FULL::obfuscationTag).isInstanceOf(IllegalStateException.class);
        assertThat(TransportKind.FULL.supportsQuickAck()).isFalse();
    }

    @Test
    void headerGenerationSkipsEveryForbiddenStart() {
        String[] forbidden = {
            "ef000000" + "01000000", // abridged tag
            "48454144" + "01000000", // HEAD
            "504f5354" + "01000000", // POST
            "47455420" + "01000000", // GET
            "4f505449" + "01000000", // OPTI
            "16030102" + "01000000", // TLS record
            "dddddddd" + "01000000", // padded intermediate tag
            "eeeeeeee" + "01000000", // intermediate tag
            "01020304" + "00000000", // second int 0: looks like full transport seq 0
        };
        for (String start : forbidden) {
            byte[] bad = Arrays.copyOf(HexFormat.of().parseHex(start), 64);
            assertThat(Obfuscated2Header.hasAllowedStart(bad)).as(start).isFalse();
            byte[] good = Arrays.copyOf(HexFormat.of().parseHex("0102030405060708"), 64);
            Obfuscated2Header h = Obfuscated2Header.generate(TransportKind.INTERMEDIATE, OptionalInt.of(-2),
                    new ScriptedRandom(bad, good));
            assertThat(Arrays.copyOf(h.bytes(), 8)).as(start).isEqualTo(Arrays.copyOf(good, 8));
            assertThat(h.protocolTag()).isEqualTo(0xeeeeeeee);
            assertThat(h.dcId()).isEqualTo(-2);
        }
        assertThatThrownBy(() -> Obfuscated2Header.generate(TransportKind.ABRIDGED, OptionalInt.empty(),
                (dst, off, len) -> Arrays.fill(dst, off, off + len, (byte) 0)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Obfuscated2Header.generate(TransportKind.FULL, OptionalInt.empty(), new ScriptedRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Obfuscated2Header.generate(TransportKind.ABRIDGED, OptionalInt.of(40000),
                new ScriptedRandom())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownProtocolTagIsATypedError() {
        byte[] init = new byte[64];
        init[4] = 1;
        Obfuscated2Header h = Obfuscated2Header.of(init);
        assertThatThrownBy(h::kind).isInstanceOf(TransportException.class)
                .hasMessage("obfuscated2: unknown protocol tag 0x0");
        assertThat(h.toString()).doesNotContain("0100");
    }

    @Test
    void dcIdField() {
        assertThat(Obfuscated2Header.dcIdField(2, false, false)).isEqualTo(2);
        assertThat(Obfuscated2Header.dcIdField(4, true, false)).isEqualTo(-4);
        assertThat(Obfuscated2Header.dcIdField(2, false, true)).isEqualTo(10002);
        assertThat(Obfuscated2Header.dcIdField(2, true, true)).isEqualTo(-10002);
        assertThatThrownBy(() -> Obfuscated2Header.dcIdField(0, false, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretsParseAndNeverPrintTheirKey() {
        MtproxySecret simple = MtproxySecret.fromHex("CDA3C98601A1A631018BDC04E6F2C154");
        assertThat(simple.mode()).isEqualTo(MtproxySecret.Mode.SIMPLE);
        assertThat(simple.key()).isEqualTo(HexFormat.of().parseHex("cda3c98601a1a631018bdc04e6f2c154"));
        MtproxySecret dd = MtproxySecret.fromHex("dd" + "99".repeat(16));
        assertThat(dd.mode()).isEqualTo(MtproxySecret.Mode.PADDED);
        assertThat(dd.key()).isEqualTo(HexFormat.of().parseHex("99".repeat(16)));
        MtproxySecret ee = MtproxySecret.fromHex("eecef85196f162e3e26d65f3e6cf82e7b46578616d706c652e636f6d");
        assertThat(ee.mode()).isEqualTo(MtproxySecret.Mode.FAKE_TLS);
        assertThat(ee.fakeTlsDomain()).contains("example.com");
        assertThat(simple.toString()).doesNotContainIgnoringCase("cda3");
        assertThat(simple).isEqualTo(MtproxySecret.fromHex("cda3c98601a1a631018bdc04e6f2c154"));
        assertThat(Obfuscated2Keys.derive(new byte[64], 0, simple).toString()).isEqualTo("Obfuscated2Keys[redacted]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00", "0011223344556677889900112233445566", "aa00112233445566778899001122334455",
        "ee00112233445566778899aabbccddeeff", "ee00112233445566778899aabbccddeeff20"})
    void malformedSecretsAreRejected(String hex) {
        assertThatThrownBy(() -> MtproxySecret.fromHex(hex)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientBuilderRejectsImpossibleCombinations() {
        assertThatThrownBy(() -> ClientTransport.builder(TransportKind.FULL).obfuscated(true).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientTransport.builder(TransportKind.INTERMEDIATE)
                .mtproxySecret(MtproxySecret.fromHex("dd" + "99".repeat(16))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("padded intermediate");
        assertThatThrownBy(() -> ClientTransport.builder(TransportKind.INTERMEDIATE)
                .mtproxySecret(MtproxySecret.fromHex("ee" + "99".repeat(16) + "6162")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("padded intermediate");
        assertThatThrownBy(() -> MtproxySecret.fromHex("ee" + "99".repeat(16) + "61".repeat(254)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than 253");
        assertThatThrownBy(() -> ServerTransport.builder().mtproxySecret(MtproxySecret.fromHex("ee" + "99".repeat(16) + "6162")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ClientTransport.builder(TransportKind.ABRIDGED).dcId(2).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientTransport.builder(TransportKind.ABRIDGED).maxFrameLength(0))
                .isInstanceOf(IllegalArgumentException.class);
        ClientTransport t = ClientTransport.builder(TransportKind.INTERMEDIATE).mtproxySecret(
                MtproxySecret.fromHex("00".repeat(16))).dcId(2).build();
        assertThat(t.obfuscated()).isTrue();
        assertThat(t.connectionPreamble()).hasSize(64).isEqualTo(t.connectionPreamble());
        assertThat(t.toString()).contains("INTERMEDIATE");
    }
}
