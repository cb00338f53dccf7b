package dev.mtproto.spring.client;

import dev.mtproto.auth.CodeRequest;
import dev.mtproto.auth.LoginFlow;
import dev.mtproto.auth.PasswordRequest;
import dev.mtproto.auth.QrLogin;
import dev.mtproto.auth.SignUpDetails;
import dev.mtproto.auth.SignUpRequest;

/** A flow whose phone number comes from the properties; the rest is asked of the flow it wraps. */
final class PhoneLoginFlow implements LoginFlow {
    private final String phone;
    private final LoginFlow asker;

    PhoneLoginFlow(String phone, LoginFlow asker) {
        this.phone = phone;
        this.asker = asker;
    }

    @Override
    public String phoneNumber() {
        return phone;
    }

    @Override
    public String code(CodeRequest request) {
        return asker.code(request);
    }

    @Override
    public char[] password(PasswordRequest request) {
        return asker.password(request);
    }

    @Override
    public SignUpDetails signUp(SignUpRequest request) {
        return asker.signUp(request);
    }

    @Override
    public void showQrCode(QrLogin login) {
        asker.showQrCode(login);
    }
}
