package dev.mtproto.testkit.world.bots;

/**
 * What a bot answered to a button press with {@code messages.setBotCallbackAnswer}: what the user's app shows.
 *
 * @param alert whether the app shows the message as an alert instead of a toast
 * @param message the text shown, null for none
 * @param url a URL the app opens, null for none
 * @param cacheTime how long, in seconds, the app may keep the answer
 */
public record CallbackAnswer(boolean alert, String message, String url, int cacheTime) {
}
