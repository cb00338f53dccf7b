package dev.mtproto.testkit;

import dev.mtproto.testkit.layers.ApiLayers;
import java.time.Clock;
import java.time.Duration;

/**
 * What every DC of a cluster shares besides handlers and keys.
 *
 * @param strictChecks whether sessions refuse what Telegram lets pass
 * @param clock the DCs' clock (before {@link TestDc#skewClock})
 * @param idleSessionTimeout how long a session may go unused before the DC forgets it
 * @param layers the API layers clients are served in
 * @param mediaAddresses whether each DC also listens on a media-only address
 * @param ipv6Addresses whether each DC also listens on {@code ::1}
 */
record ClusterSettings(boolean strictChecks, Clock clock, Duration idleSessionTimeout, ApiLayers layers, boolean mediaAddresses,
                       boolean ipv6Addresses) {
}
