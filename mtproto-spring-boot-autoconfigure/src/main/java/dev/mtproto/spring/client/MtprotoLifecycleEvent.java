package dev.mtproto.spring.client;

import org.springframework.context.ApplicationEvent;

/**
 * A Telegram account of the application connected, signed in or disconnected; listen with
 * {@code @EventListener} on this type or one of its three kinds. The event's source is the
 * {@link TelegramAccount}.
 */
public abstract sealed class MtprotoLifecycleEvent extends ApplicationEvent
        permits MtprotoLifecycleEvent.Connected, MtprotoLifecycleEvent.SignedIn, MtprotoLifecycleEvent.Disconnected {
    private static final long serialVersionUID = 1L;

    private MtprotoLifecycleEvent(TelegramAccount account) {
        super(account);
    }

    /** @return the account */
    public TelegramAccount account() {
        return (TelegramAccount) getSource();
    }

    /** The account's home DC connection is up (its key created if it had none). */
    public static final class Connected extends MtprotoLifecycleEvent {
        private static final long serialVersionUID = 1L;

        /** @param account the account */
        public Connected(TelegramAccount account) {
            super(account);
        }
    }

    /** The account is signed in (or its session was), so calls can be made; updates follow. */
    public static final class SignedIn extends MtprotoLifecycleEvent {
        private static final long serialVersionUID = 1L;

        /** @param account the account */
        public SignedIn(TelegramAccount account) {
            super(account);
        }
    }

    /** The account's connections are closed (the application is stopping). */
    public static final class Disconnected extends MtprotoLifecycleEvent {
        private static final long serialVersionUID = 1L;

        /** @param account the account */
        public Disconnected(TelegramAccount account) {
            super(account);
        }
    }
}
