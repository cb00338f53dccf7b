package dev.mtproto.tl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.api.Channel;
import dev.mtproto.tl.api.Chat;
import dev.mtproto.tl.api.InvokeWithoutUpdates;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageEntityBold;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.help.GetConfig;
import dev.mtproto.tl.api.messages.MessagesType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlObjectsTest {

    private static MessagesType messages100() throws IOException {
        try (InputStream in = TlObjectsTest.class.getResourceAsStream("/bench/messages100.bin")) {
            return MessagesType.read(new TlReader(in.readAllBytes()));
        }
    }

    @Test
    void aWalkReachesEveryObjectOfAnAnswer() throws IOException {
        MessagesType answer = messages100();
        List<User> users = new ArrayList<>();
        List<Object> chats = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        int[] all = new int[1];
        TlObjects.walk(answer, o -> all[0]++);
        TlObjects.walk(answer, User.class, users::add);
        TlObjects.walk(answer, Chat.class, chats::add);
        TlObjects.walk(answer, Channel.class, chats::add);
        TlObjects.walk(answer, Message.class, messages::add);
        assertThat(users).hasSize(20);
        assertThat(chats).hasSize(5);
        assertThat(messages).hasSize(100);
        assertThat(all[0]).as("every boxed object of the fixture").isEqualTo(749);
    }

    @Test
    void childrenComeInFieldOrderAndObjectsWithoutThemVisitNothing() {
        List<TlObject> seen = new ArrayList<>();
        MessageEntityBold bold = new MessageEntityBold(0, 4);
        bold.forEachChild(seen::add);
        assertThat(seen).isEmpty();
        TlObjects.walk(bold, seen::add);
        assertThat(seen).containsExactly(bold);
    }

    @Test
    void anObjectNestedDeeperThanTheStackIsWalkedWithoutOverflow() {
        TlMethod<?> inner = GetConfig.INSTANCE;
        for (int i = 0; i < 200_000; i++) {
            inner = new InvokeWithoutUpdates<>(inner);
        }
        int[] count = new int[1];
        TlObjects.walk(inner, o -> count[0]++);
        assertThat(count[0]).isEqualTo(200_001);
    }
}
