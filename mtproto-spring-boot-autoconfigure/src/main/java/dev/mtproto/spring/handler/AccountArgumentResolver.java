package dev.mtproto.spring.handler;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.spring.client.TelegramAccount;
import dev.mtproto.telegram.TelegramClient;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/** The account that received the update: its {@link TelegramClient}, {@link TelegramAccount} or raw {@link MtprotoClient}. */
final class AccountArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == TelegramClient.class || type == TelegramAccount.class || type == MtprotoClient.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, Message<?> message) {
        TelegramAccount account = (TelegramAccount) message.getHeaders().get(UpdateHeaders.ACCOUNT);
        Class<?> type = parameter.getParameterType();
        if (type == TelegramAccount.class) {
            return account;
        }
        return type == TelegramClient.class ? account.client() : account.client().raw();
    }
}
