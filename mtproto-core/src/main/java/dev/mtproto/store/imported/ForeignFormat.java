package dev.mtproto.store.imported;

/**
 * The string session formats of other MTProto libraries that {@link SessionStringImporter} recognises,
 * from their public documentation and code.
 */
public enum ForeignFormat {
    /**
     * Telethon's {@code StringSession} (also written by GramJS): {@code 1} followed by the URL-safe base64
     * of dc_id (1 byte), the server's IPv4 (4 bytes) or IPv6 (16 bytes) address, port (2 bytes, big-endian)
     * and the 256-byte auth key.
     */
    TELETHON("Telethon StringSession (version 1, IPv4 or IPv6)"),
    /**
     * Pyrogram's current session string: URL-safe base64 without padding of dc_id (1 byte), api_id
     * (4 bytes), test_mode (1 byte), auth key (256 bytes), user_id (8 bytes), is_bot (1 byte), big-endian.
     */
    PYROGRAM("Pyrogram session string (current layout, with api_id)"),
    /** Pyrogram's older session string with a 64-bit user id: dc_id, test_mode, auth key, user_id (8), is_bot. */
    PYROGRAM_OLD_64("Pyrogram session string (older layout, 64-bit user id)"),
    /** Pyrogram's oldest session string with a 32-bit user id: dc_id, test_mode, auth key, user_id (4), is_bot. */
    PYROGRAM_OLD_32("Pyrogram session string (oldest layout, 32-bit user id)");

    private final String description;

    ForeignFormat(String description) {
        this.description = description;
    }

    /**
     * Returns what the format is, for messages.
     *
     * @return for example "Telethon StringSession (version 1, IPv4 or IPv6)"
     */
    public String description() {
        return description;
    }
}
