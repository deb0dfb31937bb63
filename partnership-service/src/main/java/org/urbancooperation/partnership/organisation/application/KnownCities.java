package org.urbancooperation.partnership.organisation.application;

/** Whether a city is registered: an organisation's home city must be one. */
public interface KnownCities {

    boolean exists(String cityId);
}
