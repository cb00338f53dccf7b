package dev.mtproto.tl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.tl.api.CodeSettings;
import dev.mtproto.tl.api.InitConnection;
import dev.mtproto.tl.api.InputPeerEmpty;
import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.InvokeWithLayer;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageEmpty;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.auth.ImportBotAuthorization;
import dev.mtproto.tl.api.auth.SendCode;
import dev.mtproto.tl.api.help.GetConfig;
import dev.mtproto.tl.api.ConfigType;
import dev.mtproto.tl.api.updates.GetState;
import dev.mtproto.tl.mtproto.PQInnerDataDc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of generated classes: construction rules, immutability, typed results, readable output. */
class GeneratedApiTest {

    @Test
    void flagsAreComputedFromWhatIsSet() {
        Message m = Message.builder().id(7).peerId(new PeerUser(5)).date(100).message("hi").out(true).views(3).forwards(0).build();
        assertThat(m.out()).isTrue();
        assertThat(m.mentioned()).isFalse();
        assertThat(m.views()).isEqualTo(3);
        assertThat(m.editDate()).isNull();
        assertThat(m.fromId()).isNull();
        Message back = (Message) MessageType.read(new TlReader(m.toByteArray()));
        assertThat(back).isEqualTo(m);
        assertThat(back.toBuilder().message("edited").build().message()).isEqualTo("edited");
    }

    @Test
    void fieldsSharingAFlagBitMustBeSetTogether() {
        assertThatThrownBy(() -> Message.builder().id(1).peerId(new PeerUser(1)).date(1).message("").views(3).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Message: views, forwards share flags.10; when any of them is set, views and forwards must be set too");
        // a true flag that shares its bit with a value implies the value
        assertThatThrownBy(() -> User.builder().id(1L).bot(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("botInfoVersion must be set too");
        assertThat(User.builder().id(1L).bot(true).botInfoVersion(2).build().bot()).isTrue();
    }

    @Test
    void requiredFieldsAndFixedLengthsAreChecked() {
        assertThatThrownBy(() -> Message.builder().id(1).date(1).message("").build())
                .isInstanceOf(NullPointerException.class).hasMessage("Message.peerId is required");
        assertThatThrownBy(() -> Message.builder().peerId(new PeerUser(1)).build())
                .isInstanceOf(NullPointerException.class).hasMessage("Message.id is required");
        assertThatThrownBy(() -> new PQInnerDataDc(new byte[8], new byte[4], new byte[4], new byte[15], new byte[16], new byte[32], 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("PQInnerDataDc.nonce must be 16 bytes, got 15");
        List<Long> ids = new ArrayList<>();
        ids.add(null);
        assertThatThrownBy(() -> new dev.mtproto.tl.mtproto.MsgsAck(ids))
                .isInstanceOf(NullPointerException.class).hasMessage("MsgsAck.msgIds[0] is null");
    }

    @Test
    void objectsAreImmutable() {
        byte[] nonce = new byte[16];
        List<Long> ids = new ArrayList<>(List.of(1L, 2L));
        PQInnerDataDc inner = new PQInnerDataDc(new byte[8], new byte[4], new byte[4], nonce, new byte[16], new byte[32], 2);
        dev.mtproto.tl.mtproto.MsgsAck ack = new dev.mtproto.tl.mtproto.MsgsAck(ids);
        nonce[0] = 1;
        ids.add(3L);
        assertThat(inner.nonce()[0]).isZero();
        inner.nonce()[0] = 9;
        assertThat(inner.nonce()[0]).isZero();
        assertThat(ack.msgIds()).containsExactly(1L, 2L);
        assertThatThrownBy(() -> ack.msgIds().add(4L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void secretsNeverReachToString() {
        SendCode sendCode = new SendCode("+10000000000", 12345, "0123456789abcdef0123456789abcdef",
                CodeSettings.builder().logoutTokens(List.of(new byte[] {1, 2, 3})).build());
        assertThat(sendCode.toString())
                .contains("apiHash=***", "logoutTokens=***", "phoneNumber=\"+10000000000\"")
                .doesNotContain("0123456789abcdef", "010203");
        ImportBotAuthorization bot = new ImportBotAuthorization(0, 12345, "0123456789abcdef0123456789abcdef", "123456:AAE-secret-token");
        assertThat(bot.toString()).contains("botAuthToken=***").doesNotContain("secret-token", "0123456789abcdef");
    }

    @Test
    void functionsCarryTheirResultTypes() {
        GetConfig getConfig = GetConfig.INSTANCE;
        TlMethod<ConfigType> typed = getConfig;
        InitConnection<ConfigType> init = InitConnection.<ConfigType>builder().apiId(1).deviceModel("d").systemVersion("s")
                .appVersion("a").systemLangCode("en").langPack("").langCode("en").query(typed).build();
        InvokeWithLayer<ConfigType> call = new InvokeWithLayer<>(dev.mtproto.tl.api.ApiSchema.LAYER, init);
        TlMethod<ConfigType> wrapped = call; // the wrapper returns the wrapped query's type
        assertThat(wrapped.tlName()).isEqualTo("invokeWithLayer");
        TlMethod<dev.mtproto.tl.api.updates.StateType> state = GetState.INSTANCE;
        assertThat(state.constructorId()).isEqualTo(GetState.CONSTRUCTOR_ID);
    }

    @Test
    void sealedInterfacesShareCommonAccessorsAndSwitchCleanly() {
        MessageType empty = new MessageEmpty(3, null);
        MessageType full = Message.builder().id(4).peerId(new PeerUser(9)).date(1).message("x").build();
        assertThat(List.of(empty, full)).extracting(MessageType::id).containsExactly(3, 4);
        assertThat(full.peerId()).isEqualTo(new PeerUser(9));
        assertThat(MessageType.class.getPermittedSubclasses()).hasSize(3);
        assertThat(InputPeerEmpty.INSTANCE).isSameAs(dev.mtproto.tl.api.InputPeer.read(new TlReader(InputPeerEmpty.INSTANCE.toByteArray())));
        assertThat(new InputPeerUser(1, 2).toString()).isEqualTo("inputPeerUser{userId=1, accessHash=2}");
    }
}
