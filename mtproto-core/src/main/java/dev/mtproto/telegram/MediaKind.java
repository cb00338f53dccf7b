package dev.mtproto.telegram;

import dev.mtproto.tl.api.MessageMedia;
import dev.mtproto.tl.api.MessageMediaContact;
import dev.mtproto.tl.api.MessageMediaDice;
import dev.mtproto.tl.api.MessageMediaDocument;
import dev.mtproto.tl.api.MessageMediaEmpty;
import dev.mtproto.tl.api.MessageMediaGeo;
import dev.mtproto.tl.api.MessageMediaGeoLive;
import dev.mtproto.tl.api.MessageMediaPhoto;
import dev.mtproto.tl.api.MessageMediaPoll;
import dev.mtproto.tl.api.MessageMediaVenue;
import dev.mtproto.tl.api.MessageMediaWebPage;

/** What a message carries besides its text. */
public enum MediaKind {
    /** Nothing (a text message). */
    NONE,
    /** A photo. */
    PHOTO,
    /** A document: a file, video, voice note, audio, sticker or GIF (see its attributes). */
    DOCUMENT,
    /** A link preview. */
    WEB_PAGE,
    /** A location, a live location or a venue. */
    LOCATION,
    /** A contact. */
    CONTACT,
    /** A poll. */
    POLL,
    /** A dice. */
    DICE,
    /** Anything else (a game, an invoice, a story, a giveaway...; see the raw media). */
    OTHER;

    /**
     * @param media a message's media, or null
     * @return its kind
     */
    static MediaKind of(MessageMedia media) {
        if (media == null || media instanceof MessageMediaEmpty) {
            return NONE;
        } else if (media instanceof MessageMediaPhoto) {
            return PHOTO;
        } else if (media instanceof MessageMediaDocument) {
            return DOCUMENT;
        } else if (media instanceof MessageMediaWebPage) {
            return WEB_PAGE;
        } else if (media instanceof MessageMediaGeo || media instanceof MessageMediaGeoLive || media instanceof MessageMediaVenue) {
            return LOCATION;
        } else if (media instanceof MessageMediaContact) {
            return CONTACT;
        } else if (media instanceof MessageMediaPoll) {
            return POLL;
        } else if (media instanceof MessageMediaDice) {
            return DICE;
        }
        return OTHER;
    }
}
