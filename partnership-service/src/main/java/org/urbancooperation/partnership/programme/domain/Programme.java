package org.urbancooperation.partnership.programme.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.urbancooperation.support.domain.LocalizedText;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;

/**
 * A cooperation programme that partnerships belong to, e.g. IURC (International Urban and Regional Cooperation),
 * which continues IUC Asia, with the thematic networks of interest its partnerships work in. Immutable: each command
 * returns the new state and the events it raised.
 *
 * @param funder who funds it; null when not recorded
 * @param from first day of the period; null when not recorded
 * @param to last day of the period; null when open or not recorded
 * @param continues the id of the programme this one continues; null for none
 */
public record Programme(
        String id,
        LocalizedText names,
        String funder,
        List<String> regions,
        LocalDate from,
        LocalDate to,
        String continues,
        List<Network> networks) {

    public static final int MAX_NAME = 200;
    public static final int MAX_REGIONS = 20;
    public static final int MAX_NETWORKS = 30;

    public Programme {
        Require.slugShape("id", id);
        Require.present("names", names);
        regions = List.copyOf(regions == null ? List.of() : regions);
        networks = List.copyOf(networks == null ? List.of() : networks);
    }

    /** What a new programme, or a change, sets; null fields of a change are left as they are. */
    public record Details(Map<String, String> names, String funder, List<String> regions, Period period,
            String continues, List<NetworkInput> networks) {

        public Details withFunder(String newFunder) {
            return new Details(names, newFunder, regions, period, continues, networks);
        }
    }

    /** The programme's period; either end may be open (null). */
    public record Period(LocalDate from, LocalDate to) {
    }

    public record NetworkInput(String id, Map<String, String> names) {
    }

    /** The rules for a new programme. */
    public static ResultWithEvents<Programme, ProgrammeEvent> register(String id, Details details) {
        Require.slug("id", id, "iurc");
        Require.present("names", details.names());
        Programme programme = new Programme(id, LocalizedText.of("names", details.names(), true, MAX_NAME),
                details.funder() == null ? null : Require.visibleText("funder", details.funder(), MAX_NAME),
                details.regions() == null ? List.of() : regions(details.regions()),
                period(details.period()).from(), period(details.period()).to(),
                details.continues() == null ? null : continuation(id, details.continues()),
                details.networks() == null ? List.of() : networks(details.networks()));
        return ResultWithEvents.of(programme, new ProgrammeEvent.Registered(programme));
    }

    /** A change of the fields {@code details} gives (null: unchanged); no event when nothing changed. */
    public ResultWithEvents<Programme, ProgrammeEvent> change(Details details) {
        LocalizedText newNames = details.names() == null ? names
                : LocalizedText.of("names", details.names(), true, MAX_NAME);
        String newFunder = details.funder() == null ? funder : Require.visibleText("funder", details.funder(), MAX_NAME);
        List<String> newRegions = details.regions() == null ? regions : regions(details.regions());
        Period newPeriod = details.period() == null ? new Period(from, to) : period(details.period());
        String newContinues = details.continues() == null ? continues : continuation(id, details.continues());
        List<Network> newNetworks = details.networks() == null ? networks : networks(details.networks());
        List<String> changed = new ArrayList<>();
        if (!newNames.equals(names)) {
            changed.add("names");
        }
        if (!Objects.equals(newFunder, funder)) {
            changed.add("funder");
        }
        if (!newRegions.equals(regions)) {
            changed.add("regions");
        }
        if (!Objects.equals(newPeriod.from(), from) || !Objects.equals(newPeriod.to(), to)) {
            changed.add("period");
        }
        if (!Objects.equals(newContinues, continues)) {
            changed.add("continues");
        }
        if (!newNetworks.equals(networks)) {
            changed.add("networks");
        }
        if (changed.isEmpty()) {
            return ResultWithEvents.of(this);
        }
        Programme programme = new Programme(id, newNames, newFunder, newRegions, newPeriod.from(), newPeriod.to(),
                newContinues, newNetworks);
        return ResultWithEvents.of(programme, new ProgrammeEvent.Changed(programme, List.copyOf(changed)));
    }

    public Optional<Network> network(String networkId) {
        return networks.stream().filter(n -> n.id().equals(networkId)).findFirst();
    }

    public Set<String> networkIds() {
        Set<String> ids = new HashSet<>();
        networks.forEach(n -> ids.add(n.id()));
        return ids;
    }

    private static List<String> regions(List<String> regions) {
        return Require.each("regions", Require.size("regions", regions, 0, MAX_REGIONS),
                (path, region) -> Require.visibleText(path, region, 100));
    }

    private static Period period(Period period) {
        if (period == null) {
            return new Period(null, null);
        }
        LocalDate from = period.from() == null ? null : Require.date("period.from", period.from());
        LocalDate to = period.to() == null ? null : Require.date("period.to", period.to());
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidValueException("period.to", "period.to must not be before period.from (" + from + ")");
        }
        return new Period(from, to);
    }

    private static String continuation(String id, String continues) {
        Require.slug("continues", continues, "iuc-asia");
        if (continues.equals(id)) {
            throw new InvalidValueException("continues", "a programme cannot continue itself");
        }
        return continues;
    }

    private static List<Network> networks(List<NetworkInput> networks) {
        List<Network> checked = Require.each("networks", Require.size("networks", networks, 0, MAX_NETWORKS),
                (path, n) -> Require.within(path, () -> Network.of(n.id(), n.names())));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < checked.size(); i++) {
            if (!ids.add(checked.get(i).id())) {
                throw new InvalidValueException("networks[" + i + "].id", checked.get(i).id() + " is listed twice");
            }
        }
        return checked;
    }
}
