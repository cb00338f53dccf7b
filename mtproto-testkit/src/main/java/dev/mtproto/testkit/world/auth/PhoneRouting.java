package dev.mtproto.testkit.world.auth;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.accounts.PhoneNumbers;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import java.util.OptionalInt;
import java.util.function.IntPredicate;

/**
 * Where a phone number lives (https://core.telegram.org/api/datacenter#registrationauthorization): on the
 * home DC of its account; a test number {@code 99966XYYYY} asked about on a key made for a test DC lives on
 * DC X even before it signs up (https://core.telegram.org/api/auth#test-accounts); a new number lives where
 * it asked, unless the world sends new numbers to one DC. Asked anywhere else, the DC answers
 * {@code 303 PHONE_MIGRATE_X} (a known or test number) or {@code 303 NETWORK_MIGRATE_X} (a new one).
 */
final class PhoneRouting {
    private final Accounts accounts;
    private final IntPredicate dcExists;
    private volatile int newNumbersDc;

    PhoneRouting(Accounts accounts, IntPredicate dcExists) {
        this.accounts = accounts;
        this.dcExists = dcExists;
    }

    /** @param dc the DC new numbers sign up on (0: the DC they ask) */
    void newNumbersDc(int dc) {
        newNumbersDc = dc;
    }

    /**
     * @return the number, normalized
     * @throws dev.mtproto.rpc.RpcException {@code 406 PHONE_NUMBER_INVALID} if it is not a number, or is a
     *     test number of a DC the cluster lacks (https://core.telegram.org/method/auth.sendCode#possible-errors)
     */
    String number(String raw, Caller caller) {
        String phone = PhoneNumbers.normalize(raw).orElseThrow(() -> WorldErrors.of(406, "PHONE_NUMBER_INVALID", caller.call()));
        OptionalInt testDc = testDc(phone, caller);
        if (testDc.isPresent() && !dcExists.test(testDc.getAsInt())) {
            throw WorldErrors.of(406, "PHONE_NUMBER_INVALID", caller.call());
        }
        return phone;
    }

    /**
     * @throws dev.mtproto.rpc.RpcException {@code 303 PHONE_MIGRATE_X} or {@code NETWORK_MIGRATE_X} if the
     *     number lives on another DC
     */
    void checkHome(String phone, Caller caller) {
        Account account = accounts.byPhone(phone).orElse(null);
        OptionalInt testDc = testDc(phone, caller);
        int home = account != null ? account.homeDc() : testDc.orElse(0);
        if (home != 0 && home != caller.dcId()) {
            throw WorldErrors.of(303, "PHONE_MIGRATE_" + home, caller.call());
        }
        int forNew = newNumbersDc;
        if (home == 0 && forNew != 0 && forNew != caller.dcId()) {
            throw WorldErrors.of(303, "NETWORK_MIGRATE_" + forNew, caller.call());
        }
    }

    /** @return the code the number always gets (a test number on a test-mode key), or null for a random one */
    String fixedCode(String phone, Caller caller) {
        OptionalInt testDc = testDc(phone, caller);
        return testDc.isPresent() ? PhoneNumbers.testCode(testDc.getAsInt()) : null;
    }

    private static OptionalInt testDc(String phone, Caller caller) {
        return caller.call().testMode() ? PhoneNumbers.testNumberDc(phone) : OptionalInt.empty();
    }
}
