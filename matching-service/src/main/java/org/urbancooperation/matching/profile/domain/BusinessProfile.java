package org.urbancooperation.matching.profile.domain;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.urbancooperation.matching.shared.domain.Countries;
import org.urbancooperation.matching.shared.domain.Languages;
import org.urbancooperation.support.domain.LocalizedText;
import org.urbancooperation.matching.shared.domain.Sector;
import org.urbancooperation.matching.shared.domain.SectorChoice;
import org.urbancooperation.matching.shared.domain.Subsector;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;

/**
 * A business (a company, start-up, institute, hospital, agency or cluster) as it presents itself for matching: one
 * per business, its id the {@code business} role's id ({@code hydrogen-koriyama}). Its contacts are the one secret
 * part: see {@link Contact}. Immutable: each command returns the new state and the events it raised.
 */
public record BusinessProfile(
        String id,
        LocalizedText names,
        BusinessKind kind,
        String country,
        String city,
        List<Sector> sectors,
        List<Subsector> subsectors,
        BusinessSize size,
        List<String> languages,
        ZoneId timeZone,
        LocalizedText description,
        List<Contact> contacts) {

    public static final int MAX_NAME = 200;
    public static final int MAX_CITY = 100;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_CONTACTS = 10;

    public BusinessProfile {
        Require.slugShape("id", id);
        Require.present("names", names);
        Require.present("kind", kind);
        Require.text("country", country, 2);
        city = Require.text("city", city, MAX_CITY);
        sectors = List.copyOf(Require.present("sectors", sectors));
        subsectors = List.copyOf(Require.present("subsectors", subsectors));
        Require.present("size", size);
        languages = List.copyOf(Require.present("languages", languages));
        Require.present("timeZone", timeZone);
        Require.present("description", description);
        contacts = List.copyOf(Require.present("contacts", contacts));
    }

    /** What a request says about a profile; the domain checks all of it ({@link #register}, {@link #revise}). */
    public record Input(Map<String, String> names, BusinessKind kind, String country, String city, List<Sector> sectors,
            List<Subsector> subsectors, BusinessSize size, List<String> languages, String timeZone,
            Map<String, String> description, List<ContactInput> contacts) {
    }

    public record ContactInput(String name, String role, String email, String phone) {
    }

    public static ResultWithEvents<BusinessProfile, BusinessProfileEvent> register(String id, Input input) {
        Require.slug("id", id, "hydrogen-koriyama");
        BusinessProfile profile = fromInput(id, input);
        return ResultWithEvents.of(profile, new BusinessProfileEvent.Registered(profile));
    }

    /** Replaces everything but the id; the same content raises nothing. */
    public ResultWithEvents<BusinessProfile, BusinessProfileEvent> revise(Input input) {
        BusinessProfile revised = fromInput(id, input);
        if (revised.equals(this)) {
            return ResultWithEvents.of(this);
        }
        return ResultWithEvents.of(revised, new BusinessProfileEvent.Changed(revised));
    }

    private static BusinessProfile fromInput(String id, Input input) {
        Require.present("body", input);
        LocalizedText names = LocalizedText.of("names", input.names(), true, MAX_NAME);
        Require.present("kind", input.kind());
        String country = Countries.code("country", input.country());
        String city = Require.visibleText("city", input.city(), MAX_CITY);
        SectorChoice chosen = SectorChoice.of(input.sectors(), input.subsectors());
        List<Sector> sectors = chosen.sectors();
        List<Subsector> subsectors = chosen.subsectors();
        Require.present("size", input.size());
        List<String> languages = Languages.of("languages", input.languages());
        ZoneId zone = Require.timeZone("timeZone", input.timeZone());
        LocalizedText description = LocalizedText.of("description", input.description(), true, MAX_DESCRIPTION, true);
        Require.size("contacts", input.contacts(), 1, MAX_CONTACTS);
        List<Contact> contacts = Require.each("contacts", input.contacts(), (path, c) -> Require.within(path,
                () -> Contact.of(c.name(), c.role(), c.email(), c.phone())));
        return new BusinessProfile(id, names, input.kind(), country, city, sectors, subsectors, input.size(), languages,
                zone, description, contacts);
    }
}
