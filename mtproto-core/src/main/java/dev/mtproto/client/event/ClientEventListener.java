package dev.mtproto.client.event;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.ConnectionState;
import dev.mtproto.session.DropReason;
import java.time.Duration;

/**
 * Told what a client does: calls, connections, keys, sessions, dropped messages, bytes. For metrics, logs and
 * health checks. Every method has an empty default, so a listener overrides only what it needs.
 *
 * <p>Threads: call events arrive on the thread that makes the call ({@code callStarted}) or completes it
 * (the client's callback threads); all other events arrive one at a time, in order, on the callback
 * threads. None arrives on an I/O loop or while the client holds a lock, so a listener may block or call the
 * client. An exception a listener throws is logged and otherwise ignored.
 */
public interface ClientEventListener {
    /** A listener that does nothing. */
    ClientEventListener NONE = new ClientEventListener() {
    };

    /**
     * An attempt of a call starts: it is about to be queued for its connection.
     *
     * @param call the attempt
     */
    default void callStarted(CallInfo call) {
    }

    /**
     * An attempt got its result.
     *
     * @param call the attempt
     * @param elapsed since {@link #callStarted}
     */
    default void callSucceeded(CallInfo call, Duration elapsed) {
    }

    /**
     * An attempt failed: an RPC error, a timeout, a closed client, a cancellation...
     *
     * @param call the attempt
     * @param elapsed since {@link #callStarted}
     * @param error why
     */
    default void callFailed(CallInfo call, Duration elapsed, Throwable error) {
    }

    /**
     * The DC told a call to wait ({@code FLOOD_WAIT_X}, {@code FLOOD_PREMIUM_WAIT_X}, {@code SLOWMODE_WAIT_X}),
     * or a call met a wait another call of the same method is in.
     *
     * @param method the TL name of the function
     * @param connection where the call went
     * @param wait how long
     * @param waiting whether the client waits and retries (within the flood-wait threshold) or fails the call
     */
    default void floodWait(String method, ConnectionId connection, Duration wait, boolean waiting) {
    }

    /**
     * A call was sent to another DC than the one it was made for ({@code *_MIGRATE_X}).
     *
     * @param method the TL name of the function
     * @param from where it went first
     * @param to where it goes now
     * @param homeDcMoved whether the account's home DC moved with it (PHONE, USER, NETWORK)
     */
    default void migrated(String method, ConnectionId from, ConnectionId to, boolean homeDcMoved) {
    }

    /**
     * The client starts opening a connection.
     *
     * @param connection which
     * @param address the DC address tried ({@code host:port})
     */
    default void connectStarted(ConnectionId connection, String address) {
    }

    /**
     * A connection is open and its session usable (after creating a key if there was none).
     *
     * @param connection which
     * @param route how it was reached ({@code "direct to 1.2.3.4:443"}, a proxy...)
     * @param elapsed since {@link #connectStarted}
     */
    default void connectSucceeded(ConnectionId connection, String route, Duration elapsed) {
    }

    /**
     * Opening a connection failed.
     *
     * @param connection which
     * @param address the DC address tried
     * @param error why
     */
    default void connectFailed(ConnectionId connection, String address, Throwable error) {
    }

    /**
     * A connection attempt starts trying one of its routes ({@code ClientConfigBuilder.routes}) to one address.
     *
     * @param connection which connection
     * @param route the route's name (never a secret)
     * @param address the DC address ({@code host:port})
     */
    default void routeStarted(ConnectionId connection, String route, String address) {
    }

    /**
     * A route opened its connection (TCP and any proxy handshake) first: the attempt goes on over it, and the
     * next connection to this DC (for this role) tries it first.
     *
     * @param connection which connection
     * @param route the route's name
     * @param address the DC address
     * @param elapsed since {@link #routeStarted} for this route
     */
    default void routeWon(ConnectionId connection, String route, String address, Duration elapsed) {
    }

    /**
     * A route failed to open its connection (the attempt moves on to the next route, if any).
     *
     * @param connection which connection
     * @param route the route's name
     * @param address the DC address
     * @param error why
     */
    default void routeFailed(ConnectionId connection, String route, String address, Throwable error) {
    }

    /**
     * A raced route was still dialing when another won (or connected after that): it was stopped and its
     * socket closed.
     *
     * @param connection which connection
     * @param route the route's name
     * @param address the DC address
     */
    default void routeAbandoned(ConnectionId connection, String route, String address) {
    }

    /**
     * An open connection ended.
     *
     * @param connection which
     * @param cause why, or {@code null} when the client closed it
     */
    default void disconnected(ConnectionId connection, Throwable cause) {
    }

    /**
     * The client will try to connect again.
     *
     * @param connection which
     * @param attempt how many attempts failed in a row before this one (0 after a connection that worked)
     * @param delay how long it waits first
     * @param cause what ended the last connection or attempt
     */
    default void reconnectScheduled(ConnectionId connection, int attempt, Duration delay, Throwable cause) {
    }

    /**
     * A connection's state changed.
     *
     * @param connection which
     * @param state the new state
     */
    default void stateChanged(ConnectionId connection, ConnectionState state) {
    }

    /**
     * A new authorization key was created with a DC.
     *
     * @param dcId the DC
     * @param temporary whether it is a temporary (PFS) key
     * @param elapsed how long the key exchange took
     */
    default void authKeyCreated(int dcId, boolean temporary, Duration elapsed) {
    }

    /**
     * The client started a new MTProto session on a connection (the server's msg_id or seqno rules made
     * the old one unusable).
     *
     * @param connection which
     * @param reason why, in a few words
     */
    default void sessionReset(ConnectionId connection, String reason) {
    }

    /**
     * The server created a new session for us ({@code new_session_created}): updates may have been missed.
     *
     * @param connection which
     */
    default void newSessionCreated(ConnectionId connection) {
    }

    /**
     * An incoming message was dropped by a check.
     *
     * @param connection which
     * @param reason which check
     */
    default void messageDropped(ConnectionId connection, DropReason reason) {
    }

    /**
     * Bytes were written to a connection's socket (reported per write, not per message).
     *
     * @param connection which
     * @param bytes how many
     */
    default void bytesSent(ConnectionId connection, long bytes) {
    }

    /**
     * Bytes were read from a connection's socket (reported per read).
     *
     * @param connection which
     * @param bytes how many
     */
    default void bytesReceived(ConnectionId connection, long bytes) {
    }

    /**
     * Pushed updates arrive faster than the application takes them: the client stopped reading from the
     * connection until there is room ({@code paused}), or started again.
     *
     * @param connection which
     * @param paused whether reading is paused
     */
    default void updatesBackpressure(ConnectionId connection, boolean paused) {
    }
}
