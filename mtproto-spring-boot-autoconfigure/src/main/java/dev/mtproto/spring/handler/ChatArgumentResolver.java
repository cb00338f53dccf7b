package dev.mtproto.spring.handler;

import dev.mtproto.telegram.ChatRef;
import dev.mtproto.telegram.TelegramUpdate;
import dev.mtproto.tl.api.User;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * Where the update came from: the chat ({@link ChatRef}, null for updates without one, such as inline
 * queries) and the sender ({@link User}, or {@code Optional<User>}; null or empty when Telegram did not say
 * who, as for channel posts).
 */
final class ChatArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == ChatRef.class || type == User.class || (type == Optional.class
                && parameter.nested().getNestedParameterType() == User.class);
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
        TelegramUpdate update = (TelegramUpdate) message.getPayload();
        Class<?> type = parameter.getParameterType();
        if (type == ChatRef.class) {
            return UpdateMatcher.chat(update).orElse(null);
        }
        Optional<User> sender = sender(update);
        return type == Optional.class ? sender : sender.orElse(null);
    }

    static Optional<User> sender(TelegramUpdate update) {
        if (update instanceof TelegramUpdate.CallbackQuery c) {
            return c.query().user();
        } else if (update instanceof TelegramUpdate.InlineQuery i) {
            return i.query().user();
        }
        return UpdateKinds.message(update).flatMap(m -> m.sender());
    }
}
