package dev.mtproto.spring.handler;

import dev.mtproto.telegram.TelegramUpdate;
import dev.mtproto.updates.IncomingUpdate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * The update itself: a {@code TelegramUpdate} (or one of its kinds), its view ({@code MessageView},
 * {@code CallbackQueryView}, {@code InlineQueryView}), the engine's {@link IncomingUpdate}, or the raw
 * generated {@code Update}.
 */
final class UpdateArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return UpdateKinds.kindOf(type).isPresent() || type == IncomingUpdate.class || type == dev.mtproto.tl.api.Update.class;
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
        TelegramUpdate update = (TelegramUpdate) message.getPayload();
        Class<?> type = parameter.getParameterType();
        if (type.isInstance(update)) {
            return update;
        } else if (type == IncomingUpdate.class) {
            return update.update();
        } else if (type == dev.mtproto.tl.api.Update.class) {
            return update.update().update();
        }
        Optional<Object> view = view(update).filter(type::isInstance);
        return view.orElse(null);
    }

    private static Optional<Object> view(TelegramUpdate update) {
        if (update instanceof TelegramUpdate.CallbackQuery c) {
            return Optional.of(c.query());
        } else if (update instanceof TelegramUpdate.InlineQuery i) {
            return Optional.of(i.query());
        }
        return UpdateKinds.message(update).map(Object.class::cast);
    }
}
