package dev.mtproto.spring.event;

import dev.mtproto.spring.client.TelegramAccount;
import dev.mtproto.telegram.TelegramUpdate;
import org.springframework.context.ApplicationEvent;
import org.springframework.core.ResolvableType;
import org.springframework.core.ResolvableTypeProvider;

/**
 * An update as an application event, published for every update an account receives (unless
 * {@code mtproto.updates.publish-events=false}), on the dispatch thread, after the {@code @UpdateHandler}
 * methods. It carries its kind as a generic type, so a listener can take one kind only:
 *
 * <pre>{@code
 * @EventListener
 * void onMessage(MtprotoUpdateEvent<TelegramUpdate.NewMessage> event) { ... }
 * }</pre>
 *
 * @param <T> the kind of update
 */
public final class MtprotoUpdateEvent<T extends TelegramUpdate> extends ApplicationEvent implements ResolvableTypeProvider {
    private static final long serialVersionUID = 1L;

    private final transient T update;

    /**
     * @param account the account that received the update (the event's source)
     * @param update the update
     */
    public MtprotoUpdateEvent(TelegramAccount account, T update) {
        super(account);
        this.update = update;
    }

    /** @return the update */
    public T update() {
        return update;
    }

    /** @return the account that received it */
    public TelegramAccount account() {
        return (TelegramAccount) getSource();
    }

    @Override
    public ResolvableType getResolvableType() {
        return ResolvableType.forClassWithGenerics(MtprotoUpdateEvent.class, update.getClass());
    }

    @Override
    public String toString() {
        return "MtprotoUpdateEvent[" + account().name() + ", " + update.getClass().getSimpleName() + "]";
    }
}
