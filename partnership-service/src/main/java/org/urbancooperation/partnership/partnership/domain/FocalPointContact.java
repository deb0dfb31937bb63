package org.urbancooperation.partnership.partnership.domain;

import java.util.regex.Pattern;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;

/**
 * A person to contact about the partnership for one of its member organisations. Personal data: shown only to
 * operators and member organisations' staff, never published in integration events.
 *
 * @param role e.g. "Chief, Business Creation Division"; null when not recorded
 */
public record FocalPointContact(String name, String role, String organisationId, String email) {

    public static final int MAX_EMAIL = 254;
    /** One @, a dot in the domain, no spaces: enough to catch typing errors; only a mail proves an address. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public FocalPointContact {
        Require.text("name", name, 200);
        Require.slugShape("organisationId", organisationId);
        Require.text("email", email, MAX_EMAIL);
    }

    /** New input. */
    public static FocalPointContact of(String name, String role, String organisationId, String email) {
        String checkedName = Require.visibleText("name", name, 200);
        String checkedRole = role == null ? null : Require.visibleText("role", role, 200);
        String checkedOrganisation = Require.slug("organisationId", organisationId, "city-of-koriyama");
        String checkedEmail = Require.visibleText("email", email, MAX_EMAIL);
        if (!EMAIL.matcher(checkedEmail).matches()) {
            throw new InvalidValueException("email", "email must be an e-mail address such as name@example.org");
        }
        return new FocalPointContact(checkedName, checkedRole, checkedOrganisation, checkedEmail);
    }
}
