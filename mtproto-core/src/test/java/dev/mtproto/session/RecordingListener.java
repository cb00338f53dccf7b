package dev.mtproto.session;

import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.api.UpdatesType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Records what a session reports and completes the calls' futures directly, decoding answers and updates
 * at once (tests run on one thread).
 */
class RecordingListener implements SessionListener {
    final List<Object> results = new ArrayList<>();
    final List<RuntimeException> errors = new ArrayList<>();
    final List<UpdatesType> updates = new ArrayList<>();
    final Map<DropReason, Integer> drops = new EnumMap<>(DropReason.class);
    /** Every drop in order, as {@code REASON: detail}. */
    final List<String> dropDetails = new ArrayList<>();
    final List<Long> quickAcks = new ArrayList<>();
    final List<SessionResetReason> resets = new ArrayList<>();
    int newSessions;
    int serverNewSessions;

    @Override
    @SuppressWarnings("unchecked")
    public void onAnswer(OutgoingCall<?> call, RpcAnswer answer) {
        Object result;
        try {
            result = answer.decode();
        } catch (RuntimeException e) {
            onError(call, e);
            return;
        }
        results.add(result);
        ((OutgoingCall<Object>) call).future().complete(result);
    }

    @Override
    public void onError(OutgoingCall<?> call, RuntimeException error) {
        errors.add(error);
        call.future().completeExceptionally(error);
    }

    @Override
    public void onUpdates(byte[] boxedUpdates) {
        try {
            updates.add(UpdatesType.read(new TlReader(boxedUpdates)));
        } catch (RuntimeException e) {
            onDropped(DropReason.UNKNOWN_CONSTRUCTOR, e.getMessage());
        }
    }

    @Override
    public void onQuickAck(long[] msgIds) {
        for (long id : msgIds) {
            quickAcks.add(id);
        }
    }

    @Override
    public void onNewSessionCreated(long firstMsgId, long uniqueId) {
        newSessions++;
        serverNewSessions++;
    }

    @Override
    public void onSessionReset(SessionResetReason reason) {
        newSessions++;
        resets.add(reason);
    }

    @Override
    public void onDropped(DropReason reason, String detail) {
        drops.merge(reason, 1, Integer::sum);
        dropDetails.add(reason + ": " + detail);
    }

    int dropped(DropReason reason) {
        return drops.getOrDefault(reason, 0);
    }
}
