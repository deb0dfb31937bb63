package org.urbancooperation.partnership.city.domain;

import java.util.List;

/** What happens to a city; the application publishes each as an integration event. */
public sealed interface CityEvent {

    record Registered(City city) implements CityEvent {
    }

    /** @param changedFields the fields whose value this change set, in the order of {@link City#FIELDS} */
    record Changed(City city, List<String> changedFields) implements CityEvent {
    }
}
