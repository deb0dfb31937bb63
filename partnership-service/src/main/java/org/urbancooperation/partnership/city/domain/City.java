package org.urbancooperation.partnership.city.domain;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.urbancooperation.support.domain.LocalizedText;
import org.urbancooperation.support.domain.Patched;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;

/**
 * A city that takes part in partnerships, e.g. Koriyama ({@code {"en": "Koriyama", "ja": "郡山市"}}, JP, Fukushima
 * Prefecture, Asia/Tokyo) or Essen (DE, North Rhine-Westphalia, Europe/Berlin), with its climate commitments. Its id
 * is a slug the operator chooses ({@code koriyama}) and never changes. Immutable: commands return the new state and
 * the events they raised.
 *
 * @param region a prefecture, state or province; null when not given
 */
public record City(
        String id,
        LocalizedText names,
        String countryCode,
        String region,
        ZoneId timeZone,
        List<ClimateCommitment> climateCommitments) {

    public static final int MAX_NAME = 100;
    public static final int MAX_REGION = 100;
    public static final int MAX_COMMITMENTS = 20;
    /** The changeable fields, in the order events list them. */
    public static final List<String> FIELDS = List.of("names", "countryCode", "region", "timeZone",
            "climateCommitments");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public City {
        Require.slugShape("id", id);
        Require.present("names", names);
        Require.present("countryCode", countryCode);
        region = region == null ? null : Require.text("region", region, MAX_REGION);
        Require.present("timeZone", timeZone);
        climateCommitments = List.copyOf(Require.present("climateCommitments", climateCommitments));
    }

    /** The rules for a new city; each refusal names its field as the request does ({@code climateCommitments[1].targetYear}). */
    public static ResultWithEvents<City, CityEvent> register(String id, Map<String, String> names, String countryCode,
            String region, String timeZone, List<ClimateCommitment.Input> climateCommitments) {
        City city = checked(Require.slug("id", id, "koriyama"), names, countryCode, region, timeZone,
                climateCommitments == null ? List.of() : climateCommitments);
        return ResultWithEvents.of(city, new CityEvent.Registered(city));
    }

    /**
     * Applies a merge patch. A patch that changes nothing returns this city and no event (the application then
     * writes nothing).
     */
    public ResultWithEvents<City, CityEvent> change(CityChanges changes) {
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
        String newCountry = required(changes.countryCode(), "countryCode", countryCode);
        String newRegion = changes.region().given() ? changes.region().value() : region;
        String newZone = required(changes.timeZone(), "timeZone", timeZone.getId());
        List<ClimateCommitment.Input> commitments = changes.climateCommitments().given()
                ? (changes.climateCommitments().value() == null ? List.of() : changes.climateCommitments().value())
                : climateCommitments.stream().map(City::asInput).toList();
        City changed = checked(id, mergedNames, newCountry, newRegion, newZone, commitments);
        List<String> changedFields = changedFields(this, changed);
        if (changedFields.isEmpty()) {
            return ResultWithEvents.of(this);
        }
        return ResultWithEvents.of(changed, new CityEvent.Changed(changed, changedFields));
    }

    /** Whether {@code code} is an ISO 3166-1 alpha-2 country code of the JDK's list (DE, JP). */
    public static boolean isCountryCode(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    private static City checked(String id, Map<String, String> names, String countryCode, String region,
            String timeZone, List<ClimateCommitment.Input> commitments) {
        LocalizedText checkedNames = LocalizedText.of("names", names, true, MAX_NAME);
        Require.present("countryCode", countryCode);
        if (!isCountryCode(countryCode)) {
            throw new InvalidValueException("countryCode", "countryCode must be an ISO 3166-1 alpha-2 code such as "
                    + "DE or JP");
        }
        String checkedRegion = region == null ? null : Require.visibleText("region", region, MAX_REGION);
        ZoneId zone = Require.timeZone("timeZone", timeZone);
        List<ClimateCommitment> checkedCommitments = Require.each("climateCommitments",
                Require.size("climateCommitments", commitments, 0, MAX_COMMITMENTS),
                (path, input) -> Require.within(path, () -> ClimateCommitment.of(input)));
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < checkedCommitments.size(); i++) {
            ClimateCommitment c = checkedCommitments.get(i);
            Integer first = seen.putIfAbsent(c.kind() + "/" + c.madeIn(), i);
            if (first != null) {
                throw new InvalidValueException("climateCommitments[" + i + "]", "climateCommitments[" + i
                        + "] repeats climateCommitments[" + first + "] (" + c.kind() + " made in " + c.madeIn() + ")");
            }
        }
        return new City(id, checkedNames, countryCode, checkedRegion, zone, checkedCommitments);
    }

    private static String required(Patched<String> patched, String field, String current) {
        if (!patched.given()) {
            return current;
        }
        if (patched.value() == null) {
            throw new InvalidValueException(field, field + " cannot be removed");
        }
        return patched.value();
    }

    private static ClimateCommitment.Input asInput(ClimateCommitment c) {
        return new ClimateCommitment.Input(c.kind(), c.madeIn(), c.targetYear(),
                c.description() == null ? null : c.description().values());
    }

    private static List<String> changedFields(City before, City after) {
        List<String> changed = new ArrayList<>();
        if (!before.names.equals(after.names)) {
            changed.add("names");
        }
        if (!before.countryCode.equals(after.countryCode)) {
            changed.add("countryCode");
        }
        if (!Objects.equals(before.region, after.region)) {
            changed.add("region");
        }
        if (!before.timeZone.equals(after.timeZone)) {
            changed.add("timeZone");
        }
        if (!before.climateCommitments.equals(after.climateCommitments)) {
            changed.add("climateCommitments");
        }
        return changed;
    }
}
