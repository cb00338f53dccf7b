package dev.mtproto.testkit.world.files;

import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.testkit.world.messages.Destination;
import dev.mtproto.testkit.world.messages.Draft;
import dev.mtproto.testkit.world.messages.InputPeers;
import dev.mtproto.testkit.world.messages.MessageSender;
import dev.mtproto.testkit.world.messages.ScheduledMessages;
import dev.mtproto.testkit.world.messages.SendMessageMethod;
import dev.mtproto.tl.api.InputSingleMedia;
import dev.mtproto.tl.api.InputSingleMediaType;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UpdateMessageID;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.UpdatesType;
import dev.mtproto.tl.api.messages.SendMedia;
import dev.mtproto.tl.api.messages.SendMultiMedia;
import dev.mtproto.tl.api.messages.UploadMedia;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The functions that send files: {@code messages.sendMedia} (one photo or document, with a caption),
 * {@code messages.sendMultiMedia} (an album: every message with one {@code grouped_id}, each pushed to the
 * recipients on its own, the caller's result holding them all) and {@code messages.uploadMedia} (the files
 * stored, nothing sent). Media come from {@link MediaFactory}; messages go through {@link MessageSender}, in
 * the full {@code updates} form, as the short forms carry no media.
 */
final class MediaMethods {
    /** The longest caption ({@code config.caption_length_max}). */
    static final int MAX_CAPTION = 1024;
    /** The most messages of an album. */
    static final int MAX_ALBUM = 10;

    private final InputPeers peers;
    private final MessageSender sender;
    private final ScheduledMessages scheduled;
    private final MediaFactory media;
    private final SecureRandom random;

    MediaMethods(InputPeers peers, MessageSender sender, ScheduledMessages scheduled, MediaFactory media, SecureRandom random) {
        this.peers = peers;
        this.sender = sender;
        this.scheduled = scheduled;
        this.media = media;
        this.random = random;
    }

    void register(WorldHandlers handlers) {
        handlers.on(SendMedia.class, this::sendMedia);
        handlers.on(SendMultiMedia.class, this::sendMultiMedia);
        handlers.on(UploadMedia.class, this::uploadMedia);
    }

    private Object sendMedia(SendMedia m, Caller c) {
        String method = m.tlName();
        Destination to = peers.resolve(c.account(), m.peer(), method);
        checkCaption(m.message(), method);
        int replyTo = SendMessageMethod.replyTo(m.replyTo(), method);
        Draft draft = new Draft(m.message(), m.replyMarkup(), m.entities(), replyTo, m.silent(), false, null, 0,
                new Draft.Attachment(media.media(c, m.media(), method), 0));
        int now = (int) c.nowSeconds();
        if (m.scheduleDate() != null && m.scheduleDate() > now) {
            return scheduled.schedule(c.account(), to, draft, m.randomId(), c.permKeyId(), m.scheduleDate(), now, method);
        }
        return sender.send(c.account(), to, draft, m.randomId(), c.permKeyId(), now, method);
    }

    private Object uploadMedia(UploadMedia m, Caller c) {
        peers.resolve(c.account(), m.peer(), m.tlName());
        return media.media(c, m.media(), m.tlName());
    }

    private Object sendMultiMedia(SendMultiMedia m, Caller c) {
        String method = m.tlName();
        Destination to = peers.resolve(c.account(), m.peer(), method);
        List<InputSingleMediaType> items = m.multiMedia();
        if (items.isEmpty()) {
            throw WorldErrors.of(400, "MEDIA_EMPTY", method);
        }
        if (items.size() > MAX_ALBUM) {
            throw WorldErrors.of(400, "MULTI_MEDIA_TOO_LONG", method);
        }
        int replyTo = SendMessageMethod.replyTo(m.replyTo(), method);
        long groupedId = random.nextLong() & Long.MAX_VALUE;
        List<Draft> drafts = new ArrayList<>();
        for (InputSingleMediaType item : items) {
            InputSingleMedia one = (InputSingleMedia) item;
            checkCaption(one.message(), method);
            drafts.add(new Draft(one.message(), null, one.entities(), replyTo, m.silent(), false, null, 0,
                    new Draft.Attachment(media.media(c, one.media(), method), groupedId)));
        }
        int now = (int) c.nowSeconds();
        List<Update> ids = new ArrayList<>();
        List<Update> messages = new ArrayList<>();
        Updates last = null;
        int seq = 0;
        for (int i = 0; i < drafts.size(); i++) {
            long randomId = ((InputSingleMedia) items.get(i)).randomId();
            UpdatesType r = m.scheduleDate() != null && m.scheduleDate() > now
                    ? scheduled.schedule(c.account(), to, drafts.get(i), randomId, c.permKeyId(), m.scheduleDate(), now, method)
                    : sender.send(c.account(), to, drafts.get(i), randomId, c.permKeyId(), now, method);
            last = (Updates) r;
            last.updates().forEach(u -> (u instanceof UpdateMessageID ? ids : messages).add(u));
            seq = Math.max(seq, last.seq());
        }
        List<Update> all = new ArrayList<>(ids);
        all.addAll(messages);
        return new Updates(all, last.users(), last.chats(), now, seq);
    }

    private static void checkCaption(String caption, String method) {
        if (caption.length() > MAX_CAPTION) {
            throw WorldErrors.of(400, "MEDIA_CAPTION_TOO_LONG", method);
        }
    }
}
