package org.urbancooperation.matching.profile.domain;

import java.util.regex.Pattern;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;

/**
 * A person to contact at a business. Shown only to the business itself, operators and a confirmed match partner;
 * never in an integration event, a list of others' profiles or a refusal.
 *
 * @param role e.g. Head of international sales; null when not given
 * @param phone in international form (+81 24 ...); null when not given
 */
public record Contact(String name, String role, String email, String phone) {

    public static final int MAX_NAME = 100;
    public static final int MAX_ROLE = 200;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_PHONE = 30;
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    /** E.164 with the spaces people write: a plus, then digits and single spaces. */
    private static final Pattern PHONE = Pattern.compile("\\+[0-9]+( [0-9]+)*");

    public Contact {
        name = Require.text("name", name, MAX_NAME);
        role = role == null ? null : Require.text("role", role, MAX_ROLE);
        email = Require.text("email", email, MAX_EMAIL);
        phone = phone == null ? null : Require.text("phone", phone, MAX_PHONE);
    }

    /** New input: a name, an optional role, an e-mail address, an optional phone number. */
    public static Contact of(String name, String role, String email, String phone) {
        String checkedName = Require.visibleText("name", name, MAX_NAME);
        String checkedRole = role == null ? null : Require.visibleText("role", role, MAX_ROLE);
        Require.present("email", email);
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw new InvalidValueException("email", "email must be an e-mail address such as name@example.org");
        }
        if (phone != null && (phone.length() > MAX_PHONE || !PHONE.matcher(phone).matches())) {
            throw new InvalidValueException("phone", "phone must be in international form such as +49 201 1234567");
        }
        return new Contact(checkedName, checkedRole, email, phone);
    }
}
