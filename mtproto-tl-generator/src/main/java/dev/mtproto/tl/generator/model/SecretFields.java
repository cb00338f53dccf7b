package dev.mtproto.tl.generator.model;

import java.util.Set;

/**
 * Fields whose values {@code toString()} of generated classes replaces with {@code ***}, so that API
 * hashes, bot tokens, login codes, password proofs and authorization-transfer keys never reach a log.
 *
 * @param names TL field names hidden wherever they appear ({@code api_hash})
 * @param qualified {@code combinator.field} entries hidden only in that combinator
 *     ({@code auth.importAuthorization.bytes})
 */
public record SecretFields(Set<String> names, Set<String> qualified) {

    /** The set this project uses for Telegram's API and MTProto schemas. */
    public static final SecretFields TELEGRAM = new SecretFields(
            Set.of("api_hash", "bot_auth_token", "password", "new_password_hash", "current_password_hash",
                    "phone_code", "phone_code_hash", "new_nonce", "tmp_password", "future_auth_token",
                    "logout_tokens", "M1", "email_code", "new_settings"),
            Set.of("auth.exportedAuthorization.bytes", "auth.importAuthorization.bytes",
                    "auth.loginToken.token", "auth.loginTokenMigrateTo.token", "auth.importLoginToken.token",
                    "auth.acceptLoginToken.token", "auth.checkRecoveryPassword.code", "auth.recoverPassword.code",
                    "emailVerificationCode.code", "account.resetPasswordOk.code",
                    "auth.importWebTokenAuthorization.web_auth_token", "inputPaymentCredentials.data",
                    "inputPaymentCredentialsApplePay.payment_data", "inputPaymentCredentialsGooglePay.payment_token",
                    "server_DH_params_ok.encrypted_answer", "set_client_DH_params.encrypted_data",
                    "req_DH_params.encrypted_data"));

    public SecretFields {
        names = Set.copyOf(names);
        qualified = Set.copyOf(qualified);
    }

    /**
     * @param combinator the TL combinator name
     * @param field the TL field name
     * @return whether the value must not be printed
     */
    public boolean isSecret(String combinator, String field) {
        return names.contains(field) || qualified.contains(combinator + "." + field);
    }
}
