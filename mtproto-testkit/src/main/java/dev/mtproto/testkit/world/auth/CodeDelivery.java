package dev.mtproto.testkit.world.auth;

import dev.mtproto.tl.api.auth.CodeType;
import dev.mtproto.tl.api.auth.CodeTypeCall;
import dev.mtproto.tl.api.auth.CodeTypeSms;
import dev.mtproto.tl.api.auth.SentCodeType;
import dev.mtproto.tl.api.auth.SentCodeTypeApp;
import dev.mtproto.tl.api.auth.SentCodeTypeCall;
import dev.mtproto.tl.api.auth.SentCodeTypeSms;

/**
 * How a login code reaches the user (https://core.telegram.org/api/auth#code-types): in the Telegram app of
 * an account signed in elsewhere, by SMS, or by a call; each names the way {@code auth.resendCode} sends it
 * next.
 */
enum CodeDelivery {
    /** {@code auth.sentCodeTypeApp}: a service message to the account's other sessions; next by SMS. */
    APP,
    /** {@code auth.sentCodeTypeSms}; next by a call. */
    SMS,
    /** {@code auth.sentCodeTypeCall}; nothing after it. */
    CALL;

    /** @return the way after this one, or null if there is none ({@code SEND_CODE_UNAVAILABLE}) */
    CodeDelivery next() {
        return switch (this) {
            case APP -> SMS;
            case SMS -> CALL;
            case CALL -> null;
        };
    }

    SentCodeType sentType(int length) {
        return switch (this) {
            case APP -> new SentCodeTypeApp(length);
            case SMS -> new SentCodeTypeSms(length);
            case CALL -> new SentCodeTypeCall(length);
        };
    }

    /** @return {@code next_type} for {@code auth.sentCode}, null if none */
    CodeType nextType() {
        CodeDelivery next = next();
        if (next == null) {
            return null;
        }
        return next == CALL ? CodeTypeCall.INSTANCE : CodeTypeSms.INSTANCE;
    }
}
