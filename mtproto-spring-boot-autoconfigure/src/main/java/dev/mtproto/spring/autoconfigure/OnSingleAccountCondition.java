package dev.mtproto.spring.autoconfigure;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code mtproto.clients} names no account, so the one account is at the top of {@code mtproto.*}. */
final class OnSingleAccountCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> clients = Binder.get(context.getEnvironment())
                .bind("mtproto.clients", Bindable.mapOf(String.class, Object.class)).orElse(Map.of());
        return clients.isEmpty() ? ConditionOutcome.match("mtproto.clients is empty: one account")
                : ConditionOutcome.noMatch("mtproto.clients names " + clients.keySet() + ": several accounts, get them from TelegramClients");
    }
}
