package dev.mtproto.auth;

import java.util.Objects;

/**
 * The names a new account is created with.
 *
 * @param firstName the first name (1 to 64 characters)
 * @param lastName the last name (may be empty)
 */
public record SignUpDetails(String firstName, String lastName) {
    /** @throws NullPointerException if a name is null */
    public SignUpDetails {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
    }
}
