package org.urbancooperation.partnership.organisation.domain;

import java.util.regex.Pattern;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;

/**
 * A person to contact at an organisation. Personal data: shown only to operators and to staff of the organisation
 * and of organisations that share a partnership with it; never in an integration event.
 *
 * @param role e.g. Chief, Business Creation Division; null when not given
 */
public record Contact(String name, String role, String email) {

    public static final int MAX_NAME = 100;
    public static final int MAX_ROLE = 200;
    /** RFC 5321's limit of a forward path. */
    public static final int MAX_EMAIL = 254;
    /**
     * An address a mail client takes: one {@code @}, a local part of the usual characters (no quoted forms), a domain
     * of dot-separated labels. Deliverability is not a rule the platform can check.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public Contact {
        name = Require.text("name", name, MAX_NAME);
        role = role == null ? null : Require.text("role", role, MAX_ROLE);
        email = Require.text("email", email, MAX_EMAIL);
    }

    /** What a request says about a contact; checked by {@link #of(Input)}. */
    public record Input(String name, String role, String email) {
    }

    public static Contact of(Input input) {
        return of(input.name(), input.role(), input.email());
    }

    /** New input: a name, an optional role, an e-mail address. */
    public static Contact of(String name, String role, String email) {
        String checkedName = Require.visibleText("name", name, MAX_NAME);
        String checkedRole = role == null ? null : Require.visibleText("role", role, MAX_ROLE);
        Require.present("email", email);
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw new InvalidValueException("email", "email must be an e-mail address such as name@example.org");
        }
        return new Contact(checkedName, checkedRole, email);
    }
}
