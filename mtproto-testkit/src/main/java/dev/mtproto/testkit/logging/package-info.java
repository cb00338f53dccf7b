/**
 * Log capture for tests: {@link dev.mtproto.testkit.logging.LogCapture} records every event of every logger
 * down to TRACE while a flow runs, and {@link dev.mtproto.testkit.logging.SecretScan} checks that no form of
 * a secret (raw, hex, base64) appears in what was logged or shown.
 */
package dev.mtproto.testkit.logging;
