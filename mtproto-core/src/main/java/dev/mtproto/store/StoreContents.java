package dev.mtproto.store;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a session store holds, as one immutable value, so that a store can swap the whole state at
 * once and a file can be written from a consistent snapshot. Also the one place that checks DC ids.
 *
 * <p>Later additions (update state, peer cache) belong here as further components.
 *
 * @param authorizations authorization per DC id, sorted by DC id (so files are written in a stable order)
 * @param homeDc the home DC, or empty
 */
record StoreContents(SortedMap<Integer, DcAuthorization> authorizations, OptionalInt homeDc) {

    /** The highest DC id a store accepts; test DC ids with the {@code +10000} offset stay out. */
    static final int MAX_DC_ID = 9999;

    /** A store that holds nothing. */
    static final StoreContents EMPTY = new StoreContents(new TreeMap<>(), OptionalInt.empty());

    /**
     * Copies and checks the components.
     *
     * @throws NullPointerException if a component, a key or a value is null
     * @throws IllegalArgumentException if a DC id is out of range
     */
    StoreContents {
        TreeMap<Integer, DcAuthorization> copy = new TreeMap<>();
        Objects.requireNonNull(authorizations, "authorizations").forEach((dcId, authorization) -> {
            requireDcId(Objects.requireNonNull(dcId, "dcId"));
            copy.put(dcId, Objects.requireNonNull(authorization, "authorization"));
        });
        authorizations = Collections.unmodifiableSortedMap(copy);
        Objects.requireNonNull(homeDc, "homeDc").ifPresent(StoreContents::requireDcId);
    }

    /**
     * Checks a DC id.
     *
     * @param dcId the id to check
     * @return {@code dcId}
     * @throws IllegalArgumentException if it is not in 1..{@value #MAX_DC_ID}
     */
    static int requireDcId(int dcId) {
        if (dcId < 1 || dcId > MAX_DC_ID) {
            throw new IllegalArgumentException("dcId must be a plain DC number in 1.." + MAX_DC_ID + ", not " + dcId
                    + " (test DCs are kept in a separate store, without the +10000 offset)");
        }
        return dcId;
    }

    /**
     * Returns the authorization of one DC.
     *
     * @throws IllegalArgumentException if {@code dcId} is out of range
     */
    Optional<DcAuthorization> authorization(int dcId) {
        return Optional.ofNullable(authorizations.get(requireDcId(dcId)));
    }

    /**
     * Returns a copy in which {@code dcId} has {@code authorization}.
     *
     * @throws IllegalArgumentException if {@code dcId} is out of range
     * @throws NullPointerException if {@code authorization} is null
     */
    StoreContents withAuthorization(int dcId, DcAuthorization authorization) {
        requireDcId(dcId);
        Objects.requireNonNull(authorization, "authorization");
        TreeMap<Integer, DcAuthorization> changed = new TreeMap<>(authorizations);
        changed.put(dcId, authorization);
        return new StoreContents(changed, homeDc);
    }

    /**
     * Returns a copy without an authorization for {@code dcId} ({@code this} if there was none).
     *
     * @throws IllegalArgumentException if {@code dcId} is out of range
     */
    StoreContents withoutAuthorization(int dcId) {
        if (!authorizations.containsKey(requireDcId(dcId))) {
            return this;
        }
        TreeMap<Integer, DcAuthorization> changed = new TreeMap<>(authorizations);
        changed.remove(dcId);
        return new StoreContents(changed, homeDc);
    }

    /**
     * Returns a copy with another home DC.
     *
     * @throws IllegalArgumentException if {@code dcId} is out of range
     */
    StoreContents withHomeDc(int dcId) {
        return new StoreContents(authorizations, OptionalInt.of(requireDcId(dcId)));
    }

    /** Says how many DCs are stored, never key material. */
    @Override
    public String toString() {
        return "StoreContents[dcs=" + authorizations.keySet() + ", homeDc=" + homeDc + "]";
    }
}
