package org.urbancooperation.partnership.organisation.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.urbancooperation.support.domain.LocalizedText;
import org.urbancooperation.support.domain.Patched;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;

/**
 * An organisation that takes part in partnerships: a city government ({@code city-of-essen}), a research institute
 * (FREA in Koriyama), an economic development agency (EWG in Essen), a hospital, a school, a foundation. Its id is the
 * slug partnerships and API keys name, and never changes.
 *
 * @param homeCityId the id of a registered city (the application checks that it is known)
 * @param website an absolute http or https URL; null when not given
 * @param contacts personal data: see {@link Contact}
 */
public record Organisation(
        String id,
        LocalizedText names,
        OrganisationKind kind,
        String homeCityId,
        List<String> themes,
        String website,
        List<Contact> contacts) {

    public static final int MAX_NAME = 200;
    public static final int MAX_THEMES = 20;
    public static final int MAX_CONTACTS = 20;
    public static final int MAX_WEBSITE = 500;

    public Organisation {
        Require.slugShape("id", id);
        Require.present("names", names);
        Require.present("kind", kind);
        Require.slugShape("homeCityId", homeCityId);
        themes = List.copyOf(Require.each("themes", Require.present("themes", themes), Require::slugShape));
        contacts = List.copyOf(Require.present("contacts", contacts));
    }

    /** The rules for a new organisation; each refusal names its field as the request does ({@code contacts[0].email}). */
    public static ResultWithEvents<Organisation, OrganisationEvent> register(String id, Map<String, String> names,
            OrganisationKind kind, String homeCityId, List<String> themes, String website,
            List<Contact.Input> contacts) {
        Organisation organisation = checked(Require.slug("id", id, "city-of-essen"), names, kind, homeCityId,
                themes == null ? List.of() : themes, website, contacts == null ? List.of() : contacts);
        return ResultWithEvents.of(organisation, new OrganisationEvent.Registered(organisation));
    }

    /**
     * Applies a merge patch. A change of public fields raises {@link OrganisationEvent.Changed}; a change of contacts
     * alone raises nothing (it is still stored); a patch that changes nothing returns this organisation.
     */
    public ResultWithEvents<Organisation, OrganisationEvent> change(OrganisationChanges changes) {
        Map<String, String> mergedNames = names.values();
        if (changes.names().given()) {
            if (changes.names().value() == null) {
                throw new InvalidValueException("names", "names cannot be removed; change or remove single languages");
            }
            mergedNames = new LinkedHashMap<>(names.values());
            for (Map.Entry<String, String> entry : changes.names().value().entrySet()) {
                if (entry.getValue() == null) {
                    mergedNames.remove(entry.getKey());
                } else {
                    mergedNames.put(entry.getKey(), entry.getValue());
                }
            }
        }
        OrganisationKind newKind = required(changes.kind(), "kind", kind);
        String newHomeCity = required(changes.homeCityId(), "homeCityId", homeCityId);
        List<String> newThemes = changes.themes().given()
                ? (changes.themes().value() == null ? List.of() : changes.themes().value()) : themes;
        String newWebsite = changes.website().given() ? changes.website().value() : website;
        List<Contact.Input> newContacts = changes.contacts().given()
                ? (changes.contacts().value() == null ? List.of() : changes.contacts().value())
                : contacts.stream().map(c -> new Contact.Input(c.name(), c.role(), c.email())).toList();
        Organisation changed = checked(id, mergedNames, newKind, newHomeCity, newThemes, newWebsite, newContacts);
        List<String> changedFields = publicChanges(this, changed);
        if (changedFields.isEmpty()) {
            return ResultWithEvents.of(changed);
        }
        return ResultWithEvents.of(changed, new OrganisationEvent.Changed(changed, changedFields));
    }

    private static Organisation checked(String id, Map<String, String> names, OrganisationKind kind, String homeCityId,
            List<String> themes, String website, List<Contact.Input> contacts) {
        LocalizedText checkedNames = LocalizedText.of("names", names, true, MAX_NAME);
        Require.present("kind", kind);
        String checkedCity = Require.slug("homeCityId", homeCityId, "koriyama");
        List<String> checkedThemes = Require.each("themes", Require.size("themes", themes, 0, MAX_THEMES),
                (path, slug) -> Require.slug(path, slug, "renewable-energy"));
        for (int i = 0; i < checkedThemes.size(); i++) {
            if (checkedThemes.indexOf(checkedThemes.get(i)) < i) {
                throw new InvalidValueException("themes[" + i + "]", checkedThemes.get(i) + " is listed twice");
            }
        }
        String checkedWebsite = website == null ? null : website(website);
        List<Contact> checkedContacts = Require.each("contacts", Require.size("contacts", contacts, 0, MAX_CONTACTS),
                (path, input) -> Require.within(path, () -> Contact.of(input)));
        return new Organisation(id, checkedNames, kind, checkedCity, checkedThemes, checkedWebsite, checkedContacts);
    }

    /** An absolute http or https URL with a host, as a browser opens it; no user name or password in it. */
    private static String website(String value) {
        String trimmed = Require.visibleText("website", value, MAX_WEBSITE);
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && trimmed.equals(value)) {
                return trimmed;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new InvalidValueException("website", "website must be an absolute http or https URL such as "
                + "https://www.essen.de");
    }

    private static <T> T required(Patched<T> patched, String field, T current) {
        if (!patched.given()) {
            return current;
        }
        if (patched.value() == null) {
            throw new InvalidValueException(field, field + " cannot be removed");
        }
        return patched.value();
    }

    private static List<String> publicChanges(Organisation before, Organisation after) {
        List<String> changed = new ArrayList<>();
        if (!before.names.equals(after.names)) {
            changed.add("names");
        }
        if (before.kind != after.kind) {
            changed.add("kind");
        }
        if (!before.homeCityId.equals(after.homeCityId)) {
            changed.add("homeCityId");
        }
        if (!before.themes.equals(after.themes)) {
            changed.add("themes");
        }
        if (!Objects.equals(before.website, after.website)) {
            changed.add("website");
        }
        return changed;
    }
}
