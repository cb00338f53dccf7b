package dev.mtproto.store;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Everything a session store holds, as one immutable value: what {@link SessionStore#snapshot()} returns,
 * {@link SessionStore#restore} puts back, and string sessions carry. The in-memory and file stores also
 * keep their state as one snapshot, swapped whole on each change.
 *
 * <p>{@link #toString()} says how much there is, never a key or a phone number.
 *
 * @param authorizations authorization per DC id, sorted by DC id
 * @param homeDc the home DC, or empty
 * @param account the signed-in account, or empty
 * @param updateState the account's common update state, or empty
 * @param channelPts pts per channel id, sorted by channel id
 * @param peers the peer cache
 */
public record SessionSnapshot(SortedMap<Integer, DcAuthorization> authorizations, OptionalInt homeDc,
        Optional<SignedInAccount> account, Optional<UpdateState> updateState, SortedMap<Long, Integer> channelPts,
        PeerTable peers) {

    /** A store that holds nothing. */
    public static final SessionSnapshot EMPTY = new SessionSnapshot(new TreeMap<>(), OptionalInt.empty(),
            Optional.empty(), Optional.empty(), new TreeMap<>(), PeerTable.EMPTY);

    /**
     * Copies and checks the components.
     *
     * @param authorizations authorization per DC id
     * @param homeDc the home DC, or empty
     * @param account the signed-in account, or empty
     * @param updateState the update state, or empty
     * @param channelPts pts per channel id
     * @param peers the peer cache
     * @throws NullPointerException if a component, a map key or a map value is null
     * @throws IllegalArgumentException if a DC id is out of range or a channel id is not positive
     */
    public SessionSnapshot {
        TreeMap<Integer, DcAuthorization> dcs = new TreeMap<>();
        Objects.requireNonNull(authorizations, "authorizations").forEach((dcId, authorization) ->
                dcs.put(SessionStore.checkDcId(Objects.requireNonNull(dcId, "dcId")),
                        Objects.requireNonNull(authorization, "authorization")));
        authorizations = Collections.unmodifiableSortedMap(dcs);
        Objects.requireNonNull(homeDc, "homeDc").ifPresent(SessionStore::checkDcId);
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(updateState, "updateState");
        channelPts = Collections.unmodifiableSortedMap(checkedChannelPts(channelPts));
        Objects.requireNonNull(peers, "peers");
    }

    /**
     * Copies and checks a map of channel pts, as every store does in {@link SessionStore#saveChannelPts}.
     *
     * @param channelPts pts per channel id
     * @return a sorted copy
     * @throws NullPointerException if the map, a key or a value is null
     * @throws IllegalArgumentException if a channel id is not positive
     */
    public static TreeMap<Long, Integer> checkedChannelPts(Map<Long, Integer> channelPts) {
        TreeMap<Long, Integer> copy = new TreeMap<>();
        Objects.requireNonNull(channelPts, "channelPts").forEach((channelId, pts) -> {
            if (Objects.requireNonNull(channelId, "channel id") <= 0) {
                throw new IllegalArgumentException("channel ids are positive, not " + channelId);
            }
            copy.put(channelId, Objects.requireNonNull(pts, "pts"));
        });
        return copy;
    }

    /**
     * Returns the authorization of one DC.
     *
     * @param dcId the DC
     * @return its authorization, or empty
     * @throws IllegalArgumentException if {@code dcId} is out of range
     */
    public Optional<DcAuthorization> authorization(int dcId) {
        return Optional.ofNullable(authorizations.get(SessionStore.checkDcId(dcId)));
    }

    /** Returns a copy in which {@code dcId} has {@code authorization}. */
    SessionSnapshot withAuthorization(int dcId, DcAuthorization authorization) {
        Objects.requireNonNull(authorization, "authorization");
        return withAuthorizations(dcs -> {
            dcs.put(SessionStore.checkDcId(dcId), authorization);
            return dcs;
        });
    }

    /** Returns a copy whose authorizations hold their own copies of the keys ({@link DcAuthorization#withKeyCopy}). */
    SessionSnapshot withKeyCopies() {
        SortedMap<Integer, DcAuthorization> dcs = new TreeMap<>();
        authorizations.forEach((dcId, authorization) -> dcs.put(dcId, authorization.withKeyCopy()));
        return new SessionSnapshot(dcs, homeDc, account, updateState, channelPts, peers);
    }

    /** Returns a copy without an authorization for {@code dcId} ({@code this} if there was none). */
    SessionSnapshot withoutAuthorization(int dcId) {
        if (!authorizations.containsKey(SessionStore.checkDcId(dcId))) {
            return this;
        }
        return withAuthorizations(dcs -> {
            dcs.remove(dcId);
            return dcs;
        });
    }

    private SessionSnapshot withAuthorizations(UnaryOperator<TreeMap<Integer, DcAuthorization>> change) {
        return new SessionSnapshot(change.apply(new TreeMap<>(authorizations)), homeDc, account, updateState,
                channelPts, peers);
    }

    /** Returns a copy with another home DC. */
    SessionSnapshot withHomeDc(int dcId) {
        return new SessionSnapshot(authorizations, OptionalInt.of(SessionStore.checkDcId(dcId)), account, updateState,
                channelPts, peers);
    }

    /** Returns a copy with another update state. */
    SessionSnapshot withUpdateState(UpdateState state) {
        return new SessionSnapshot(authorizations, homeDc, account, Optional.of(state), channelPts, peers);
    }

    /** Returns a copy in which the given channels have the given pts, the others theirs. */
    SessionSnapshot withChannelPts(Map<Long, Integer> changed) {
        TreeMap<Long, Integer> merged = new TreeMap<>(channelPts);
        merged.putAll(checkedChannelPts(changed));
        return merged.equals(channelPts) ? this
                : new SessionSnapshot(authorizations, homeDc, account, updateState, merged, peers);
    }

    /** Returns a copy with the given peer records applied. */
    SessionSnapshot withPeers(PeerTable newPeers) {
        return newPeers.equals(peers) ? this
                : new SessionSnapshot(authorizations, homeDc, account, updateState, channelPts, newPeers);
    }

    /** Returns a copy signed in as {@code newAccount}. */
    SessionSnapshot withAccount(SignedInAccount newAccount) {
        return new SessionSnapshot(authorizations, homeDc, Optional.of(newAccount), updateState, channelPts, peers);
    }

    /**
     * Returns a copy signed out: no account, every DC's {@code authorizedUserId} 0, and none of what belongs to
     * the account (update state, channel pts, peers); keys and home DC stay.
     */
    SessionSnapshot signedOut() {
        TreeMap<Integer, DcAuthorization> dcs = new TreeMap<>();
        authorizations.forEach((dcId, authorization) -> dcs.put(dcId, authorization.withAuthorizedUserId(0)));
        return new SessionSnapshot(dcs, homeDc, Optional.empty(), Optional.empty(), new TreeMap<>(), PeerTable.EMPTY);
    }

    /** Says which DCs are stored and how much else, never key material or phone numbers. */
    @Override
    public String toString() {
        return "SessionSnapshot[dcs=" + authorizations.keySet() + ", homeDc=" + homeDc + ", account="
                + account.map(a -> a.userId() + (a.bot() ? " (bot)" : "")).orElse("none") + ", updateState="
                + updateState.isPresent() + ", channels=" + channelPts.size() + ", peers=" + peers.size() + "]";
    }
}
