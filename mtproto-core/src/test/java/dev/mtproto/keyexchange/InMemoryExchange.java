package dev.mtproto.keyexchange;

/** Runs a client and a server against each other without a network. */
final class InMemoryExchange {
    record Results(ClientKeyExchangeResult client, ServerKeyExchangeResult server, int roundTrips) {
    }

    private InMemoryExchange() {
    }

    static Results run(ClientKeyExchange client, ServerKeyExchange server) {
        byte[] out = client.start();
        ServerKeyExchangeResult serverResult = null;
        for (int trip = 1; trip <= 20; trip++) {
            ServerStep answer = server.onMessage(out);
            if (answer instanceof ServerStep.Done done) {
                serverResult = done.result();
            }
            ClientStep next = client.onMessage(answer.payload());
            if (next instanceof ClientStep.Done done) {
                return new Results(done.result(), serverResult, trip);
            }
            out = ((ClientStep.Send) next).payload();
        }
        throw new AssertionError("no result after 20 round trips");
    }
}
