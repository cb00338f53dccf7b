package dev.mtproto.testkit;

/**
 * What every DC of a cluster shares besides handlers and keys.
 *
 * @param strictChecks whether sessions refuse what Telegram lets pass
 */
record ClusterSettings(boolean strictChecks) {
}
