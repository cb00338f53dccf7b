package dev.mtproto.spring.handler;

import dev.mtproto.spring.client.TelegramAccount;
import dev.mtproto.store.PeerKind;
import dev.mtproto.store.StoredPeer;
import dev.mtproto.telegram.BotCommand;
import dev.mtproto.telegram.CallbackQueryView;
import dev.mtproto.telegram.ChatKind;
import dev.mtproto.telegram.ChatRef;
import dev.mtproto.telegram.MessageView;
import dev.mtproto.telegram.TelegramUpdate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The filters of one {@link UpdateHandler} method: all must pass for it to get an update. */
final class UpdateMatcher {
    private final Set<String> commands;
    private final @Nullable TextTemplate pattern;
    private final Set<ChatKind> chats;
    private final UpdateHandler.Direction direction;
    private final List<UpdateFilter> filters;
    private final String client;

    UpdateMatcher(UpdateHandler spec, List<UpdateFilter> filters) {
        this.commands = commandNames(spec.commands());
        this.pattern = spec.pattern().isEmpty() ? null : TextTemplate.parse(spec.pattern());
        this.chats = spec.chats().length == 0 ? EnumSet.allOf(ChatKind.class) : EnumSet.copyOf(List.of(spec.chats()));
        this.direction = spec.direction();
        this.filters = List.copyOf(filters);
        this.client = spec.client();
    }

    private static Set<String> commandNames(String[] commands) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (String c : commands) {
            String name = c.startsWith("/") ? c.substring(1) : c;
            if (!name.matches("[A-Za-z0-9_]{1,32}")) {
                throw new IllegalArgumentException("\"" + c + "\" is not a bot command: 1 to 32 letters, digits or '_', with or without a leading '/'");
            }
            names.add(name.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(names);
    }

    /** @return the placeholders of the pattern */
    List<String> variables() {
        return pattern == null ? List.of() : pattern.names();
    }

    /** @return the account name the method is bound to, or empty for every account */
    String client() {
        return client;
    }

    /**
     * @param update an update of the method's kind
     * @param account the account that received it
     * @return the pattern's values if every filter passes, else null
     */
    @Nullable Map<String, String> match(TelegramUpdate update, TelegramAccount account) {
        if (!client.isEmpty() && !client.equals(account.name())) {
            return null;
        }
        Optional<MessageView> message = UpdateKinds.message(update);
        if (message.isPresent() && !directionMatches(message.get().outgoing())) {
            return null;
        }
        Optional<ChatRef> chat = chat(update);
        if (chat.isPresent() && !chats.contains(chat.get().kind())) {
            return null;
        }
        if (!commands.isEmpty() && !commandMatches(message, account)) {
            return null;
        }
        Map<String, String> values = Map.of();
        if (pattern != null) {
            Optional<String> text = UpdateKinds.text(update);
            Optional<Map<String, String>> m = text.flatMap(pattern::match);
            if (m.isEmpty()) {
                return null;
            }
            values = m.get();
        }
        for (UpdateFilter f : filters) {
            if (!f.test(update, account)) {
                return null;
            }
        }
        return values;
    }

    private boolean directionMatches(boolean outgoing) {
        return switch (direction) {
            case INCOMING -> !outgoing;
            case OUTGOING -> outgoing;
            case ANY -> true;
        };
    }

    private boolean commandMatches(Optional<MessageView> message, TelegramAccount account) {
        Optional<BotCommand> command = message.flatMap(MessageView::command);
        if (command.isEmpty() || !commands.contains(command.get().name())) {
            return false;
        }
        return command.get().botUsername().isEmpty() || ownUsername(account).map(command.get()::isFor).orElse(true);
    }

    private static Optional<String> ownUsername(TelegramAccount account) {
        java.util.OptionalLong self = account.userId();
        if (self.isEmpty()) {
            return Optional.empty();
        }
        return account.client().raw().peers().find(PeerKind.USER, self.getAsLong()).map(StoredPeer::username);
    }

    static Optional<ChatRef> chat(TelegramUpdate update) {
        if (update instanceof TelegramUpdate.CallbackQuery c) {
            CallbackQueryView q = c.query();
            return Optional.of(q.chat());
        }
        return UpdateKinds.message(update).map(MessageView::chat);
    }
}
