package dev.mtproto.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.crypto.AuthKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DcAuthorizationTest {
    private static final long MAX_OFFSET = 200L * 365 * 24 * 60 * 60 * 1000;
    private final AuthKey key = SessionStoreContract.authorization(3).authKey();
    private final Instant created = Instant.parse("2025-03-01T10:15:30Z");

    @Test
    void rejectsMissingComponents() {
        assertThatThrownBy(() -> new DcAuthorization(null, 1, 0, created)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("authKey");
        assertThatThrownBy(() -> new DcAuthorization(key, 1, 0, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("createdAt");
    }

    @ParameterizedTest
    @ValueSource(longs = {MAX_OFFSET + 1, -MAX_OFFSET - 1, Long.MAX_VALUE, Long.MIN_VALUE})
    void rejectsAbsurdClockOffsets(long offset) {
        assertThatThrownBy(() -> new DcAuthorization(key, 1, offset, created))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeOffsetMillis");
        DcAuthorization valid = new DcAuthorization(key, 1, 0, created);
        assertThatThrownBy(() -> valid.withTimeOffsetMillis(offset)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {MAX_OFFSET, -MAX_OFFSET, 0, -1_700_000_000_000L})
    void acceptsOffsetsOfBrokenButRealClocks(long offset) {
        assertThat(new DcAuthorization(key, 1, offset, created).timeOffsetMillis()).isEqualTo(offset);
    }

    @Test
    void withersChangeOneComponent() {
        DcAuthorization original = new DcAuthorization(key, 5, -20, created);
        assertThat(original.withServerSalt(-9)).isEqualTo(new DcAuthorization(key, -9, -20, created));
        assertThat(original.withTimeOffsetMillis(33)).isEqualTo(new DcAuthorization(key, 5, 33, created));
    }

    @Test
    void theFourComponentConstructorIsNotSignedInAndWithersKeepTheUser() {
        DcAuthorization signedOut = new DcAuthorization(key, 5, -20, created);
        assertThat(signedOut.authorizedUserId()).isZero();
        assertThat(signedOut.isAuthorized()).isFalse();
        DcAuthorization signedIn = signedOut.withAuthorizedUserId(42);
        assertThat(signedIn).isEqualTo(new DcAuthorization(key, 5, -20, created, 42));
        assertThat(signedIn.isAuthorized()).isTrue();
        assertThat(signedIn.withServerSalt(6).withTimeOffsetMillis(7).authorizedUserId()).isEqualTo(42);
        assertThat(signedIn.withAuthorizedUserId(0)).isEqualTo(signedOut);
        assertThatThrownBy(() -> signedOut.withAuthorizedUserId(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("authorizedUserId");
    }

    @Test
    void equalityComparesTheKeyBytes() {
        DcAuthorization original = new DcAuthorization(key, 5, -20, created);
        DcAuthorization sameKeyCopied = new DcAuthorization(AuthKey.of(key.toByteArray()), 5, -20, created);
        assertThat(sameKeyCopied).isEqualTo(original).hasSameHashCodeAs(original);
        assertThat(SessionStoreContract.authorization(4).withServerSalt(5).withTimeOffsetMillis(-20))
                .isNotEqualTo(original);
    }

    @Test
    void toStringShowsTheKeyIdButNoKeyBytes() {
        DcAuthorization authorization = new DcAuthorization(key, 0x1122334455667788L, -1520, created);
        assertThat(authorization.toString())
                .isEqualTo(String.format("DcAuthorization[authKeyId=%016x, serverSalt=1122334455667788,"
                        + " timeOffsetMillis=-1520, createdAt=2025-03-01T10:15:30Z, authorizedUserId=0]", key.id()));
        for (String rendering : SessionStoreContract.keyRenderings(authorization)) {
            assertThat(authorization.toString()).doesNotContain(rendering);
        }
    }
}
