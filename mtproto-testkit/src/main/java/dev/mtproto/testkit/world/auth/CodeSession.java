package dev.mtproto.testkit.world.auth;

/**
 * A login code sent to a phone number, from {@code auth.sendCode} until the number signs in, signs up,
 * cancels it or it expires. {@code toString} leaves the code out.
 *
 * @param phone the number, normalized
 * @param hash its {@code phone_code_hash}
 * @param code the code
 * @param dcId the DC that sent it
 * @param apiId the api_id of the client that asked for it
 * @param delivery how it was sent last
 * @param expiresAt when it expires, in Unix seconds
 * @param state how far the login went
 */
record CodeSession(String phone, String hash, String code, int dcId, int apiId, CodeDelivery delivery, long expiresAt, State state) {
    /** How far the login went. */
    enum State {
        /** The code was sent. */
        SENT,
        /** {@code auth.signIn} proved the code of a number without an account: {@code auth.signUp} may follow. */
        SIGN_UP_ALLOWED
    }

    CodeSession with(CodeDelivery newDelivery) {
        return new CodeSession(phone, hash, code, dcId, apiId, newDelivery, expiresAt, state);
    }

    CodeSession with(State newState) {
        return new CodeSession(phone, hash, code, dcId, apiId, delivery, expiresAt, newState);
    }

    @Override
    public String toString() {
        return "CodeSession[+" + phone + " " + delivery + " " + state + "]";
    }
}
