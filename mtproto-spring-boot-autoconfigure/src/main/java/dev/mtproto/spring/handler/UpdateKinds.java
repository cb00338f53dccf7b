package dev.mtproto.spring.handler;

import dev.mtproto.telegram.CallbackQueryView;
import dev.mtproto.telegram.InlineQueryView;
import dev.mtproto.telegram.MessageView;
import dev.mtproto.telegram.TelegramUpdate;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/** Which kind of update a handler method gets, from the types of its parameters. */
final class UpdateKinds {
    /** Views that stand for one kind of update. */
    private static final Map<Class<?>, Class<? extends TelegramUpdate>> VIEWS = Map.of(
            MessageView.class, TelegramUpdate.NewMessage.class,
            CallbackQueryView.class, TelegramUpdate.CallbackQuery.class,
            InlineQueryView.class, TelegramUpdate.InlineQuery.class);

    private UpdateKinds() {
    }

    /**
     * @param method a handler method
     * @return the kind it gets: the most specific typed parameter's; new messages when it has none
     * @throws IllegalStateException if two parameters ask for different kinds
     */
    static Class<? extends TelegramUpdate> of(Method method) {
        Class<? extends TelegramUpdate> found = null;
        for (Class<?> type : method.getParameterTypes()) {
            Optional<Class<? extends TelegramUpdate>> kind = kindOf(type);
            if (kind.isEmpty()) {
                continue;
            }
            Class<? extends TelegramUpdate> k = kind.get();
            if (found == null || found.isAssignableFrom(k)) {
                found = k;
            } else if (!k.isAssignableFrom(found)) {
                throw new IllegalStateException("@UpdateHandler method " + method.toGenericString() + " has parameters for two kinds of update ("
                        + found.getSimpleName() + " and " + k.getSimpleName() + "): a method handles one kind; split it in two");
            }
        }
        return found != null ? found : TelegramUpdate.NewMessage.class;
    }

    /**
     * @param type a parameter type
     * @return the kind of update it stands for, if it stands for one
     */
    @SuppressWarnings("unchecked")
    static Optional<Class<? extends TelegramUpdate>> kindOf(Class<?> type) {
        if (TelegramUpdate.class.isAssignableFrom(type)) {
            return Optional.of((Class<? extends TelegramUpdate>) type);
        }
        return Optional.ofNullable(VIEWS.get(type));
    }

    /**
     * @param update an update
     * @return its message, for the kinds that carry one
     */
    static Optional<MessageView> message(TelegramUpdate update) {
        if (update instanceof TelegramUpdate.NewMessage n) {
            return Optional.of(n.message());
        } else if (update instanceof TelegramUpdate.EditedMessage e) {
            return Optional.of(e.message());
        }
        return Optional.empty();
    }

    /**
     * @param update an update
     * @return the text patterns are matched against: a message's text, a callback query's data, an inline
     *     query's text
     */
    static Optional<String> text(TelegramUpdate update) {
        if (update instanceof TelegramUpdate.CallbackQuery c) {
            return Optional.of(c.query().dataString());
        } else if (update instanceof TelegramUpdate.InlineQuery i) {
            return Optional.of(i.query().text());
        }
        return message(update).map(MessageView::text);
    }
}
