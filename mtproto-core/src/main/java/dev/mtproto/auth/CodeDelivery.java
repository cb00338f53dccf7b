package dev.mtproto.auth;

import dev.mtproto.tl.api.auth.CodeType;
import dev.mtproto.tl.api.auth.SentCode;
import dev.mtproto.tl.api.auth.SentCodeType;
import dev.mtproto.tl.api.auth.SentCodeTypeApp;
import dev.mtproto.tl.api.auth.SentCodeTypeCall;
import dev.mtproto.tl.api.auth.SentCodeTypeEmailCode;
import dev.mtproto.tl.api.auth.SentCodeTypeFirebaseSms;
import dev.mtproto.tl.api.auth.SentCodeTypeFragmentSms;
import dev.mtproto.tl.api.auth.SentCodeTypeMissedCall;
import dev.mtproto.tl.api.auth.SentCodeTypeSms;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Describes how Telegram sent a login code, for the {@link CodeRequest} a flow is shown. */
final class CodeDelivery {
    private CodeDelivery() {
    }

    static CodeRequest request(String phone, SentCode sent, int attempt, LoginError previous) {
        return new CodeRequest(phone, name(sent.type().tlName(), "auth.sentCodeType"), length(sent.type()),
                Optional.ofNullable(sent.nextType()).map(CodeType::tlName).map(n -> name(n, "auth.codeType")),
                Optional.ofNullable(sent.timeout()).map(Duration::ofSeconds), attempt, Optional.ofNullable(previous));
    }

    /** {@code auth.sentCodeTypeFlashCall} -> {@code flash_call} */
    private static String name(String tlName, String prefix) {
        String rest = tlName.startsWith(prefix) ? tlName.substring(prefix.length()) : tlName;
        return rest.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static int length(SentCodeType type) {
        if (type instanceof SentCodeTypeApp t) {
            return t.length();
        } else if (type instanceof SentCodeTypeSms t) {
            return t.length();
        } else if (type instanceof SentCodeTypeCall t) {
            return t.length();
        } else if (type instanceof SentCodeTypeMissedCall t) {
            return t.length();
        } else if (type instanceof SentCodeTypeFragmentSms t) {
            return t.length();
        } else if (type instanceof SentCodeTypeFirebaseSms t) {
            return t.length();
        } else if (type instanceof SentCodeTypeEmailCode t) {
            return t.length();
        }
        return 0;
    }
}
