package dev.mtproto.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RpcExceptionTest {

    @Test
    void errorsAreParsedIntoNameAndArgument() {
        RpcException e = RpcException.of(400, "PEER_ID_INVALID", "messages.sendMessage");
        assertThat(e).isExactlyInstanceOf(RpcException.class);
        assertThat(e.errorName()).isEqualTo("PEER_ID_INVALID");
        assertThat(e.argument()).isEmpty();
        assertThat(e).hasMessage("messages.sendMessage failed: 400 PEER_ID_INVALID");

        RpcException flood = RpcException.of(420, "FLOOD_WAIT_31", "messages.sendMessage");
        assertThat(flood).isInstanceOfSatisfying(FloodWaitException.class, f -> {
            assertThat(f.waitSeconds()).isEqualTo(31);
            assertThat(f.errorName()).isEqualTo("FLOOD_WAIT");
        });
        assertThat(RpcException.of(420, "SLOWMODE_WAIT_5", "m")).isInstanceOf(FloodWaitException.class);
        assertThat(RpcException.of(420, "FLOOD_PREMIUM_WAIT_9", "m")).isInstanceOf(FloodWaitException.class);

        for (String kind : new String[] {"PHONE", "USER", "NETWORK", "FILE", "STATS"}) {
            RpcException m = RpcException.of(303, kind + "_MIGRATE_5", "m");
            assertThat(m).isInstanceOfSatisfying(MigrateException.class, x -> {
                assertThat(x.kind().name()).isEqualTo(kind);
                assertThat(x.targetDc()).isEqualTo(5);
                assertThat(x.kind().movesHomeDc()).isEqualTo(!kind.equals("FILE") && !kind.equals("STATS"));
            });
        }
        assertThat(RpcException.of(401, "SESSION_PASSWORD_NEEDED", "auth.signIn"))
                .isInstanceOfSatisfying(UnauthorizedException.class, u -> assertThat(u.passwordNeeded()).isTrue());
        assertThat(RpcException.of(400, "FLOOD_WAIT_99999999999", "m")).as("absurd argument").isExactlyInstanceOf(RpcException.class);
        assertThat(RpcException.of(500, null, "m").errorMessage()).isEmpty();
    }
}
