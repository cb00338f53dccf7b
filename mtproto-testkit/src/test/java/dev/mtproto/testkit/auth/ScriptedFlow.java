package dev.mtproto.testkit.auth;

import dev.mtproto.auth.CodeRequest;
import dev.mtproto.auth.LoginError;
import dev.mtproto.auth.LoginFlow;
import dev.mtproto.auth.PasswordRequest;
import dev.mtproto.auth.QrLogin;
import dev.mtproto.auth.SignUpDetails;
import dev.mtproto.auth.SignUpRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** A login flow that answers from a script and writes down what it was asked, for tests. */
final class ScriptedFlow implements LoginFlow {
    final Deque<String> phones = new ArrayDeque<>();
    final Deque<Function<CodeRequest, String>> codes = new ArrayDeque<>();
    final Deque<String> passwords = new ArrayDeque<>();
    SignUpDetails signUp;
    final List<CodeRequest> codeRequests = new ArrayList<>();
    final List<PasswordRequest> passwordRequests = new ArrayList<>();
    final List<SignUpRequest> signUpRequests = new ArrayList<>();
    final List<QrLogin> qrCodes = new ArrayList<>();
    final CompletableFuture<QrLogin> firstQr = new CompletableFuture<>();

    ScriptedFlow phone(String p) {
        phones.add(p);
        return this;
    }

    ScriptedFlow code(String c) {
        codes.add(r -> c);
        return this;
    }

    ScriptedFlow code(Function<CodeRequest, String> c) {
        codes.add(c);
        return this;
    }

    ScriptedFlow password(String p) {
        passwords.add(p);
        return this;
    }

    @Override
    public synchronized String phoneNumber() {
        return phones.isEmpty() ? null : phones.poll();
    }

    @Override
    public synchronized String code(CodeRequest request) {
        codeRequests.add(request);
        return codes.isEmpty() ? null : codes.poll().apply(request);
    }

    @Override
    public synchronized char[] password(PasswordRequest request) {
        passwordRequests.add(request);
        return passwords.isEmpty() ? null : passwords.poll().toCharArray();
    }

    @Override
    public synchronized SignUpDetails signUp(SignUpRequest request) {
        signUpRequests.add(request);
        return signUp;
    }

    @Override
    public synchronized void showQrCode(QrLogin login) {
        qrCodes.add(login);
        firstQr.complete(login);
    }

    synchronized List<LoginError> codeErrors() {
        return codeRequests.stream().flatMap(r -> r.previousError().stream()).toList();
    }
}
