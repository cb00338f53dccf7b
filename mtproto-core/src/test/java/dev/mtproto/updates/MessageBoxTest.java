package dev.mtproto.updates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.store.UpdateState;
import dev.mtproto.tl.api.Dialog;
import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerChat;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UpdateBotStopped;
import dev.mtproto.tl.api.UpdateChannelTooLong;
import dev.mtproto.tl.api.UpdateNewChannelMessage;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.UpdatePtsChanged;
import dev.mtproto.tl.api.UpdateShort;
import dev.mtproto.tl.api.UpdateShortChatMessage;
import dev.mtproto.tl.api.UpdateShortMessage;
import dev.mtproto.tl.api.UpdateShortSentMessage;
import dev.mtproto.tl.api.UpdateUserStatus;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.UpdatesCombined;
import dev.mtproto.tl.api.UpdatesTooLong;
import dev.mtproto.tl.api.UserStatusEmpty;
import dev.mtproto.tl.api.messages.SendMessage;
import dev.mtproto.tl.api.updates.ChannelDifference;
import dev.mtproto.tl.api.updates.ChannelDifferenceEmpty;
import dev.mtproto.tl.api.updates.ChannelDifferenceTooLong;
import dev.mtproto.tl.api.updates.Difference;
import dev.mtproto.tl.api.updates.DifferenceEmpty;
import dev.mtproto.tl.api.updates.DifferenceSlice;
import dev.mtproto.tl.api.updates.DifferenceTooLong;
import dev.mtproto.tl.api.updates.State;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each form of {@code Updates} and each difference answer, as https://core.telegram.org/api/updates says to apply them. */
class MessageBoxTest {
    private static final long MS = 1_000_000L;
    private static final long CHANNEL = 77;

    private final RecordingOutput out = new RecordingOutput();
    private Set<Long> knownUsers = Set.of(5L, 6L);
    private final MessageBox box = new MessageBox(out, new UpdateState(10, 3, 20, 1000), Map.of(CHANNEL, 50), 500 * MS, id -> knownUsers.contains(id));
    private final DifferenceApplier differences = new DifferenceApplier(box);

    {
        box.selfId(1);
    }

    private static Message message(int id, long userId) {
        return Message.builder().id(id).fromId(new PeerUser(userId)).peerId(new PeerUser(userId)).date(1001).message("m" + id).build();
    }

    private static Message channelMessage(int id) {
        return Message.builder().id(id).peerId(new PeerChannel(CHANNEL)).date(1001).message("c" + id).build();
    }

    private static UpdateShortMessage shortMessage(int id, long user, int pts) {
        return UpdateShortMessage.builder().id(id).userId(user).message("m" + id).pts(pts).ptsCount(1).date(1001).build();
    }

    private List<Integer> deliveredIds() {
        return out.delivered.stream().map(d -> {
            Update u = d.update();
            MessageType m = u instanceof UpdateNewMessage n ? n.message() : ((UpdateNewChannelMessage) u).message();
            return m.id();
        }).toList();
    }

    @Test
    void inOrderIsAppliedAndWhatWasAppliedIsIgnored() {
        box.process(shortMessage(1, 5, 11), UpdateOrigin.PUSHED, null, 0);
        box.process(shortMessage(1, 5, 11), UpdateOrigin.PUSHED, null, 0);
        box.process(shortMessage(2, 5, 12), UpdateOrigin.PUSHED, null, 0);
        assertThat(deliveredIds()).containsExactly(1, 2);
        assertThat(box.state().pts()).isEqualTo(12);
        assertThat(out.fetches).isEmpty();
    }

    @Test
    void anEarlyUpdateWaitsForTheOneBeforeIt() {
        box.process(shortMessage(2, 5, 12), UpdateOrigin.PUSHED, null, 0);
        assertThat(out.delivered).isEmpty();
        box.process(shortMessage(1, 6, 11), UpdateOrigin.PUSHED, null, 100 * MS);
        assertThat(deliveredIds()).containsExactly(1, 2);
        box.tick(2000 * MS);
        assertThat(out.fetches).as("the gap filled itself").isEmpty();
    }

    @Test
    void aGapThatStaysIsFetchedAfterHalfASecondAndTheWaitingUpdateIsNotDeliveredTwice() {
        box.process(shortMessage(2, 5, 12), UpdateOrigin.PUSHED, null, 0);
        box.tick(400 * MS);
        assertThat(out.fetches).isEmpty();
        box.tick(500 * MS);
        assertThat(out.fetches).containsExactly(new RecordingOutput.Fetch(0, 0));
        State state = new State(12, 3, 1002, 20, 0);
        assertThat(differences.common(new Difference(List.of(message(1, 6), message(2, 5)), List.of(), List.of(), List.of(), List.of(), state), 600 * MS)).isFalse();
        assertThat(deliveredIds()).containsExactly(1, 2);
        assertThat(out.delivered).allSatisfy(d -> assertThat(d.origin()).isEqualTo(UpdateOrigin.DIFFERENCE));
        assertThat(out.events).singleElement().isInstanceOf(UpdateEngineEvent.GapRecovered.class);
    }

    @Test
    void slicesAreFollowedAndTooLongIsReportedAsLost() {
        box.process(UpdatesTooLong.INSTANCE, UpdateOrigin.PUSHED, null, 0);
        assertThat(out.fetches).hasSize(1);
        assertThat(differences.common(new DifferenceSlice(List.of(message(1, 5)), List.of(), List.of(), List.of(), List.of(),
                new State(11, 3, 1001, 20, 0)), 0)).as("a slice asks for more").isTrue();
        assertThat(differences.common(new DifferenceTooLong(500), 0)).isTrue();
        assertThat(out.events).singleElement().isEqualTo(new UpdateEngineEvent.UpdatesLost(UpdateEngineEvent.Sequence.COMMON, 0, 11, 500, List.of()));
        assertThat(differences.common(new DifferenceEmpty(1005, 21), 0)).isFalse();
        assertThat(box.state()).isEqualTo(new UpdateState(500, 3, 21, 1005));
        assertThat(deliveredIds()).containsExactly(1);
    }

    @Test
    void containersAreOrderedBySeqAndADuplicateDeliversNothingTwice() {
        Updates second = new Updates(List.of(new UpdateUserStatus(5, UserStatusEmpty.INSTANCE)), List.of(), List.of(), 1001, 22);
        Updates first = new Updates(List.of(new UpdateUserStatus(6, UserStatusEmpty.INSTANCE)), List.of(), List.of(), 1001, 21);
        box.process(second, UpdateOrigin.PUSHED, null, 0);
        assertThat(out.delivered).as("seq 22 waits for 21").isEmpty();
        box.process(first, UpdateOrigin.PUSHED, null, 0);
        assertThat(out.delivered).extracting(d -> ((UpdateUserStatus) d.update()).userId()).containsExactly(6L, 5L);
        box.process(first, UpdateOrigin.PUSHED, null, 0);
        assertThat(out.delivered).hasSize(2);
        assertThat(box.state().seq()).isEqualTo(22);
    }

    @Test
    void updatesCombinedStartsAtSeqStart() {
        box.process(new UpdatesCombined(List.of(new UpdateNewMessage(message(1, 5), 11, 1), new UpdateNewMessage(message(2, 5), 12, 1)),
                List.of(), List.of(), 1001, 21, 22), UpdateOrigin.PUSHED, null, 0);
        assertThat(deliveredIds()).containsExactly(1, 2);
        assertThat(box.state().seq()).isEqualTo(22);
    }

    @Test
    void updateShortIsAppliedAsItComes() {
        box.process(new UpdateShort(new UpdateUserStatus(5, UserStatusEmpty.INSTANCE), 1010), UpdateOrigin.PUSHED, null, 0);
        assertThat(out.delivered).singleElement().satisfies(d -> assertThat(d.update()).isInstanceOf(UpdateUserStatus.class));
        assertThat(box.state().date()).isEqualTo(1010);
    }

    @Test
    void aShortChatMessageBecomesAFullMessageOfTheGroup() {
        box.process(UpdateShortChatMessage.builder().id(9).fromId(5).chatId(300).message("hi").pts(11).ptsCount(1).date(1001).build(),
                UpdateOrigin.PUSHED, null, 0);
        Message m = (Message) ((UpdateNewMessage) out.delivered.get(0).update()).message();
        assertThat(m.peerId()).isEqualTo(new PeerChat(300));
        assertThat(m.fromId()).isEqualTo(new PeerUser(5));
        assertThat(m.message()).isEqualTo("hi");
    }

    @Test
    void aShortMessageFromAnUnknownUserIsFetchedInFullAtOnce() {
        knownUsers = Set.of();
        box.process(shortMessage(1, 9, 11), UpdateOrigin.PUSHED, null, 0);
        assertThat(out.delivered).isEmpty();
        assertThat(box.state().pts()).as("not applied: the difference brings it whole").isEqualTo(10);
        assertThat(out.fetches).containsExactly(new RecordingOutput.Fetch(0, 0));
        differences.common(new Difference(List.of(message(1, 9)), List.of(), List.of(), List.of(), List.of(), new State(11, 3, 1001, 20, 0)), 0);
        assertThat(deliveredIds()).containsExactly(1);
    }

    @Test
    void ourOwnSentMessageIsRebuiltFromTheRequest() {
        SendMessage request = SendMessage.builder().peer(new InputPeerUser(5, 42)).message("hello").randomId(7).build();
        UpdateShortSentMessage answer = UpdateShortSentMessage.builder().out(true).id(3).pts(11).ptsCount(1).date(1003).build();
        box.process(answer, UpdateOrigin.OWN_CALL, request, 0);
        RecordingOutput.Delivered d = out.delivered.get(0);
        assertThat(d.origin()).isEqualTo(UpdateOrigin.OWN_CALL);
        Message m = (Message) ((UpdateNewMessage) d.update()).message();
        assertThat(m.out()).isTrue();
        assertThat(m.message()).isEqualTo("hello");
        assertThat(m.peerId()).isEqualTo(new PeerUser(5));
        assertThat(m.fromId()).isEqualTo(new PeerUser(1));
        box.process(UpdateShortSentMessage.builder().out(true).id(4).pts(12).ptsCount(1).date(1003).build(), UpdateOrigin.OWN_CALL, null, 0);
        assertThat(out.delivered).as("unknown request: only the position moves").hasSize(1);
        assertThat(box.state().pts()).isEqualTo(12);
    }

    @Test
    void qtsCountsOneByOne() {
        box.process(new UpdateShort(new UpdateBotStopped(5, 1001, true, 5), 1001), UpdateOrigin.PUSHED, null, 0);
        assertThat(out.delivered).as("qts 4 is missing").isEmpty();
        box.process(new UpdateShort(new UpdateBotStopped(6, 1001, true, 4), 1001), UpdateOrigin.PUSHED, null, 0);
        assertThat(out.delivered).extracting(d -> ((UpdateBotStopped) d.update()).userId()).containsExactly(6L, 5L);
        assertThat(box.state().qts()).isEqualTo(5);
    }

    @Test
    void aChannelHasItsOwnSequenceAndDifference() {
        box.process(new Updates(List.of(new UpdateNewChannelMessage(channelMessage(2), 52, 1)), List.of(), List.of(), 1001, 0), UpdateOrigin.PUSHED, null, 0);
        assertThat(box.state().pts()).as("the common box did not move").isEqualTo(10);
        box.tick(600 * MS);
        assertThat(out.fetches).containsExactly(new RecordingOutput.Fetch(CHANNEL, 50));
        ChannelDifference part = ChannelDifference.builder().final_(false).pts(51).newMessages(List.of(channelMessage(1)))
                .otherUpdates(List.of()).chats(List.of()).users(List.of()).build();
        box.takeChangedChannels();
        assertThat(differences.channel(CHANNEL, part, 700 * MS)).as("not final: more to fetch").isTrue();
        assertThat(box.takeChangedChannels()).as("a part's position is stored too, or a restart would repeat it").containsEntry(CHANNEL, 51);
        assertThat(differences.channel(CHANNEL, ChannelDifferenceEmpty.builder().final_(true).pts(52).build(), 700 * MS)).isFalse();
        assertThat(deliveredIds()).as("the waiting update was part of the difference").containsExactly(1);
        assertThat(out.delivered).allSatisfy(d -> assertThat(d.channelId()).isEqualTo(CHANNEL));
        assertThat(box.takeChangedChannels()).containsEntry(CHANNEL, 52);
    }

    @Test
    void aChannelTooLongIsReportedWithItsLatestMessages() {
        box.process(new UpdateShort(UpdateChannelTooLong.builder().channelId(CHANNEL).build(), 1001), UpdateOrigin.PUSHED, null, 0);
        assertThat(out.fetches).containsExactly(new RecordingOutput.Fetch(CHANNEL, 50));
        Dialog dialog = Dialog.builder().peer(new PeerChannel(CHANNEL)).topMessage(900).readInboxMaxId(0).readOutboxMaxId(0).unreadCount(0).unreadMentionsCount(0).unreadReactionsCount(0).unreadPollVotesCount(0).pts(900).notifySettings(
                dev.mtproto.tl.api.PeerNotifySettings.builder().build()).build();
        ChannelDifferenceTooLong tooLong = ChannelDifferenceTooLong.builder().final_(true).dialog(dialog)
                .messages(List.of(channelMessage(899), channelMessage(900))).chats(List.of()).users(List.of()).build();
        assertThat(differences.channel(CHANNEL, tooLong, 0)).isFalse();
        assertThat(out.events).filteredOn(e -> e instanceof UpdateEngineEvent.UpdatesLost).singleElement()
                .satisfies(e -> assertThat(((UpdateEngineEvent.UpdatesLost) e).toPts()).isEqualTo(900));
        assertThat(box.channelGate(CHANNEL).position()).isEqualTo(900);
    }

    @Test
    void ptsChangedAsksForTheStateAgain() {
        box.process(new UpdateShort(UpdatePtsChanged.INSTANCE, 1001), UpdateOrigin.PUSHED, null, 0);
        assertThat(out.fetches).containsExactly(new RecordingOutput.Fetch(-1, 0));
        box.process(shortMessage(1, 5, 400), UpdateOrigin.PUSHED, null, 0);
        assertThat(out.delivered).as("waits for the new state").isEmpty();
        box.stateFetched(new State(399, 3, 1001, 20, 0), 0);
        assertThat(deliveredIds()).containsExactly(1);
    }

    @Test
    void aFreshBoxAsksForTheStateBeforeApplyingAnything() {
        RecordingOutput o = new RecordingOutput();
        MessageBox fresh = new MessageBox(o, null, Map.of(), 500 * MS, id -> true);
        fresh.start(true, 0);
        assertThat(o.fetches).containsExactly(new RecordingOutput.Fetch(-1, 0));
        fresh.process(shortMessage(1, 5, 7), UpdateOrigin.PUSHED, null, 0);
        assertThat(o.delivered).isEmpty();
        fresh.stateFetched(new State(6, 0, 1000, 0, 0), 0);
        assertThat(o.delivered).hasSize(1);
    }

    @Test
    void aChannelThatFellSilentIsPolledOnceAndOneLongSilentIsLeftAlone() {
        long minute = 60_000 * MS;
        box.process(new Updates(List.of(new UpdateNewChannelMessage(channelMessage(51), 51, 1)), List.of(), List.of(), 1001, 0), UpdateOrigin.PUSHED, null, 0);
        box.pollIdleChannels(14 * minute, 15 * minute, 360 * minute);
        box.tick(14 * minute);
        assertThat(out.fetches).isEmpty();
        box.pollIdleChannels(15 * minute, 15 * minute, 360 * minute);
        box.tick(15 * minute);
        assertThat(out.fetches).containsExactly(new RecordingOutput.Fetch(CHANNEL, 51));
        differences.channel(CHANNEL, ChannelDifferenceEmpty.builder().final_(true).pts(51).build(), 15 * minute);
        out.fetches.clear();
        box.pollIdleChannels(16 * minute, 15 * minute, 360 * minute);
        box.tick(16 * minute);
        assertThat(out.fetches).as("polled once per silence").isEmpty();
        box.pollIdleChannels(400 * minute, 15 * minute, 360 * minute);
        box.tick(400 * minute);
        assertThat(out.fetches).as("silent for hours: left alone").isEmpty();
    }
}
