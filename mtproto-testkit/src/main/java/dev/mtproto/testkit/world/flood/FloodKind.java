package dev.mtproto.testkit.world.flood;

/** Which {@code 420} error a flood limit answers with (https://core.telegram.org/api/errors#420-flood). */
public enum FloodKind {
    /** {@code FLOOD_WAIT_X}: wait X seconds. */
    FLOOD_WAIT,
    /** {@code FLOOD_PREMIUM_WAIT_X}: wait X seconds, or buy Telegram Premium to lift the limit. */
    FLOOD_PREMIUM_WAIT,
    /** {@code SLOWMODE_WAIT_X}: slow mode is on; wait X seconds before sending again. */
    SLOWMODE_WAIT
}
