package dev.mtproto.spring.handler;

import dev.mtproto.telegram.ChatKind;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a bean that handles Telegram updates. Which updates it gets follows from its parameters:
 * a {@code MessageView}, {@code TelegramUpdate.NewMessage} or plain {@code String} (the text) parameter, or
 * none of the typed ones, means new messages; {@code TelegramUpdate.EditedMessage}, {@code CallbackQueryView},
 * {@code InlineQueryView}, {@code TelegramUpdate.DeletedMessages}... select those; {@code TelegramUpdate}
 * itself selects every update. The attributes then filter (all must match):
 *
 * <pre>{@code
 * @UpdateHandler(commands = "/start")
 * String start(MessageView message) { return "Hello, " + message.sender().map(u -> u.firstName()).orElse("you"); }
 *
 * @UpdateHandler(pattern = "order {item} {count}")
 * String order(@UpdateVariable("item") String item, @UpdateVariable("count") int count) { ... }
 *
 * @UpdateHandler(pattern = "vote:.*")
 * String vote(CallbackQueryView query) { return "counted"; }   // the answer the user sees
 * }</pre>
 *
 * <p>A method may return nothing, a {@code String} (a message to the chat the update came from; for a callback
 * query, the answer shown to the user), an {@code OutgoingMessage} (sent), or a {@code CompletionStage} of one
 * of those (the handler counts as running until it completes). Updates of one chat reach the handlers one
 * after another, in order; different chats' run concurrently. An exception goes to a matching
 * {@link UpdateExceptionHandler}, else it is logged and counted; it never stops the dispatch.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface UpdateHandler {

    /**
     * @return bot commands this method handles ({@code "/start"} or {@code "start"}), matched case-insensitively,
     *     with or without this bot's {@code @username} (a command for another bot is not matched); empty: any message
     */
    String[] commands() default {};

    /**
     * @return a pattern the whole text must match (a message's text, a callback query's data, an inline query's
     *     text): a template with {@code {name}} placeholders (each matches one word, read it with
     *     {@link UpdateVariable}) or, with no placeholder, a Java regular expression; empty: any text
     */
    String pattern() default "";

    /** @return kinds of chat the update must come from; empty: any */
    ChatKind[] chats() default {};

    /** @return whether messages the account sent itself are handled too (by default only incoming ones are) */
    Direction direction() default Direction.INCOMING;

    /** @return further filters, each a bean of that type (or, if there is none, an instance made with its no-argument constructor) */
    Class<? extends UpdateFilter>[] filters() default {};

    /** @return the account this method handles ({@code mtproto.clients.<name>}); empty: every account */
    String client() default "";

    /** @return an id for metrics and the actuator endpoint; empty: {@code <bean class simple name>.<method name>} */
    String id() default "";

    /** Which messages, by who sent them. */
    enum Direction {
        /** Messages others sent. */
        INCOMING,
        /** Messages the account sent itself (from another device, or a scheduled one). */
        OUTGOING,
        /** Both. */
        ANY
    }
}
