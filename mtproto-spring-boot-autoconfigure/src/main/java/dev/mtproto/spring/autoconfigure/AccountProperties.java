package dev.mtproto.spring.autoconfigure;

import dev.mtproto.auth.Authenticator;
import dev.mtproto.spring.client.SignInMethod;
import dev.mtproto.spring.client.TelegramClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One account's settings, resolved from the properties and checked: the top-level account, or each of
 * {@code mtproto.clients}, with the shared api id and hash filled in.
 *
 * @param name the account's name
 * @param prefix its properties' prefix ({@code mtproto.} or {@code mtproto.clients.<name>.})
 * @param apiId the application id
 * @param apiHash the application hash
 * @param signIn how it signs in
 * @param session its session store's settings
 */
record AccountProperties(String name, String prefix, int apiId, String apiHash, SignInMethod signIn, MtprotoProperties.Session session) {

    @Override
    public String toString() {
        return "AccountProperties[" + name + ", apiId=" + apiId + ", " + signIn + ", " + session + "]";
    }

    /**
     * @param p the properties
     * @return every account they configure, in order
     * @throws InvalidMtprotoPropertyException for the first mistake found
     */
    static List<AccountProperties> of(MtprotoProperties p) {
        Map<String, MtprotoProperties.Account> named = p.clients() == null ? Map.of() : p.clients();
        if (named.isEmpty()) {
            return List.of(resolve(TelegramClients.DEFAULT_NAME, "mtproto.", p.apiId(), p.apiHash(),
                    new Credentials(p.botToken(), p.phone(), p.qrLogin()), p.session(), p));
        }
        if (!blank(p.botToken()) || !blank(p.phone()) || p.qrLogin()) {
            throw new InvalidMtprotoPropertyException(!blank(p.botToken()) ? "mtproto.bot-token" : !blank(p.phone()) ? "mtproto.phone"
                    : "mtproto.qr-login", "set together with mtproto.clients " + named.keySet(),
                    "with several accounts, give each its own mtproto.clients.<name>.bot-token, .phone or .qr-login and remove the top-level one");
        }
        List<AccountProperties> accounts = new ArrayList<>();
        named.forEach((name, a) -> {
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
                throw new InvalidMtprotoPropertyException("mtproto.clients." + name, "'" + name + "' is not a usable account name",
                        "name accounts with letters, digits, '-' and '_' (at most 64)");
            }
            accounts.add(resolve(name, "mtproto.clients." + name + ".", a.apiId() != null ? a.apiId() : p.apiId(),
                    a.apiHash() != null ? a.apiHash() : p.apiHash(), new Credentials(a.botToken(), a.phone(), a.qrLogin()), a.session(), p));
        });
        return accounts;
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    /** What an account's properties say about signing in, as written. */
    private record Credentials(@Nullable String botToken, @Nullable String phone, boolean qrLogin) {
        /** Hides the token and the phone number. */
        @Override
        public String toString() {
            return "Credentials[botToken=" + (botToken == null ? "unset" : "(hidden)") + ", phone=" + (phone == null ? "unset" : "(hidden)")
                    + ", qrLogin=" + qrLogin + "]";
        }
    }

    private static AccountProperties resolve(String name, String prefix, @Nullable Integer apiId, @Nullable String apiHash,
            Credentials credentials, MtprotoProperties.Session session, MtprotoProperties p) {
        // an empty value (bot-token: ${TG_BOT_TOKEN:} with the variable unset) counts as not set
        String botToken = blank(credentials.botToken()) ? null : credentials.botToken();
        String phone = blank(credentials.phone()) ? null : credentials.phone();
        if (apiId == null) {
            throw new InvalidMtprotoPropertyException("mtproto.api-id", "not set",
                    "set mtproto.api-id (and mtproto.api-hash) to your application's values from https://my.telegram.org, "
                            + "for example api-id: ${TG_API_ID} in application.yml");
        }
        if (apiId <= 0) {
            throw new InvalidMtprotoPropertyException("mtproto.api-id", "must be a positive number, got " + apiId,
                    "copy the api_id shown at https://my.telegram.org");
        }
        if (apiHash == null || apiHash.isBlank()) {
            throw new InvalidMtprotoPropertyException("mtproto.api-hash", "not set",
                    "set mtproto.api-hash to your application's api_hash from https://my.telegram.org (32 hexadecimal digits)");
        }
        if (!apiHash.strip().matches("[0-9a-fA-F]{32}")) {
            throw new InvalidMtprotoPropertyException("mtproto.api-hash", "is not 32 hexadecimal digits (it has " + apiHash.strip().length()
                    + " characters)", "copy the api_hash shown at https://my.telegram.org");
        }
        if (botToken != null && phone != null) {
            throw new InvalidMtprotoPropertyException(prefix + "bot-token", "set together with " + prefix + "phone",
                    "an account is a bot (bot-token) or a person (phone): remove one of them");
        }
        if (credentials.qrLogin() && (botToken != null || phone != null)) {
            throw new InvalidMtprotoPropertyException(prefix + "qr-login", "set together with " + prefix + (botToken != null ? "bot-token" : "phone"),
                    botToken != null ? "a bot signs in with its token, never by QR code: remove " + prefix + "qr-login"
                            : "a person signs in by phone (a code) or by QR code: remove one of " + prefix + "phone and " + prefix + "qr-login");
        }
        SignInMethod signIn;
        if (credentials.qrLogin()) {
            signIn = new SignInMethod(SignInMethod.Kind.QR_CODE, null);
        } else if (botToken != null) {
            if (!Authenticator.looksLikeBotToken(botToken)) {
                throw new InvalidMtprotoPropertyException(prefix + "bot-token", "does not have the shape of a bot token",
                        "a bot token is the bot's id, a colon and at least 30 letters, digits, '-' or '_', as @BotFather shows it (123456:AAH...)");
            }
            signIn = new SignInMethod(SignInMethod.Kind.BOT_TOKEN, botToken.strip());
        } else if (phone != null) {
            String digits = phone.replaceAll("[\\s()-]", "");
            if (!digits.matches("\\+?[0-9]{5,16}")) {
                throw new InvalidMtprotoPropertyException(prefix + "phone", "is not a phone number",
                        "write it in international form with the country code, such as +15550100");
            }
            signIn = new SignInMethod(SignInMethod.Kind.PHONE, digits);
        } else {
            signIn = new SignInMethod(SignInMethod.Kind.SESSION_ONLY, null);
        }
        checkSession(prefix, session);
        return new AccountProperties(name, prefix, apiId, apiHash.strip(), signIn, session);
    }

    private static void checkSession(String prefix, MtprotoProperties.Session session) {
        if (session.store() == MtprotoProperties.StoreKind.STRING && (session.string() == null || session.string().isBlank())) {
            throw new InvalidMtprotoPropertyException(prefix + "session.string", "not set, but " + prefix + "session.store is string",
                    "set it to the session string exported with SessionString.export, or choose another store (file, memory, jdbc)");
        }
        if (session.store() != MtprotoProperties.StoreKind.STRING && session.string() != null) {
            throw new InvalidMtprotoPropertyException(prefix + "session.string", "set, but " + prefix + "session.store is " + session.store(),
                    "set " + prefix + "session.store=string to use it, or remove it");
        }
        if (session.lease().isNegative() || session.lease().compareTo(java.time.Duration.ofSeconds(5)) < 0) {
            throw new InvalidMtprotoPropertyException(prefix + "session.lease", "must be at least 5s, got " + session.lease(),
                    "a lease shorter than a few renewals would be lost on any pause; 30s is usual");
        }
    }
}
