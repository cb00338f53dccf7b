package dev.mtproto.spring.handler;

import dev.mtproto.telegram.BotCommand;
import dev.mtproto.telegram.MessageView;
import dev.mtproto.telegram.TelegramUpdate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

/**
 * What the update says: a plain {@code String} is its text (a message's text, a callback query's data, an
 * inline query's text); a {@link BotCommand} the message's command (null if none); {@link CommandArguments}
 * the command's arguments; {@link UpdateVariable} a placeholder of the pattern, converted to the
 * parameter's type.
 */
final class TextArgumentResolver implements HandlerMethodArgumentResolver {
    private final ConversionService conversions;

    TextArgumentResolver(ConversionService conversions) {
        this.conversions = conversions;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        if (parameter.hasParameterAnnotation(UpdateVariable.class)) {
            return true;
        }
        Class<?> type = parameter.getParameterType();
        if (parameter.hasParameterAnnotation(CommandArguments.class)) {
            return type == String.class || type == List.class;
        }
        boolean annotated = parameter.hasParameterAnnotation(Header.class) || parameter.hasParameterAnnotation(Headers.class);
        return !annotated && (type == String.class || type == BotCommand.class);
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
        TelegramUpdate update = (TelegramUpdate) message.getPayload();
        UpdateVariable variable = parameter.getParameterAnnotation(UpdateVariable.class);
        if (variable != null) {
            return variable(parameter, message, variable);
        }
        Optional<BotCommand> command = UpdateKinds.message(update).flatMap(MessageView::command);
        if (parameter.hasParameterAnnotation(CommandArguments.class)) {
            if (parameter.getParameterType() == List.class) {
                return command.map(BotCommand::arguments).orElse(List.of());
            }
            return command.map(BotCommand::argumentText).orElse("");
        }
        if (parameter.getParameterType() == BotCommand.class) {
            return command.orElse(null);
        }
        return UpdateKinds.text(update).orElse(null);
    }

    private @Nullable Object variable(MethodParameter parameter, Message<?> message, UpdateVariable variable) {
        String name = variable.value().isEmpty() ? parameter.getParameterName() : variable.value();
        @SuppressWarnings("unchecked")
        Map<String, String> values = (Map<String, String>) message.getHeaders().get(UpdateHeaders.VARIABLES);
        String raw = values == null ? null : values.get(name);
        if (raw == null) {
            return null;
        }
        try {
            return conversions.convert(raw, TypeDescriptor.valueOf(String.class), new TypeDescriptor(parameter));
        } catch (RuntimeException e) {
            throw new MethodArgumentResolutionException(message, parameter, "placeholder {" + name + "} is \"" + raw
                    + "\", which is not a " + parameter.getParameterType().getSimpleName(), e);
        }
    }
}
