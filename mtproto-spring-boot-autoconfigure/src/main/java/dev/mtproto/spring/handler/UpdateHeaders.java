package dev.mtproto.spring.handler;

/**
 * Headers of the spring-messaging {@code Message} an update travels in to its handler methods; a handler
 * may read them with {@code @Header}.
 */
public final class UpdateHeaders {
    /** The {@link dev.mtproto.spring.client.TelegramAccount} that received the update. */
    public static final String ACCOUNT = "mtproto_account";
    /** The account's name ({@code String}). */
    public static final String ACCOUNT_NAME = "mtproto_accountName";
    /** The values of the pattern's placeholders ({@code Map<String, String>}). */
    public static final String VARIABLES = "mtproto_variables";
    /** The marked id of the chat the update came from ({@code Long}), when it came from one. */
    public static final String CHAT_ID = "mtproto_chatId";

    private UpdateHeaders() {
    }
}
