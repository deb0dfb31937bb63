package org.urbancooperation.partnership.actionplan.domain;

/** How an action takes place; the seed's FY2020 student exchange moved from in person to online. */
public enum ActionFormat {
    IN_PERSON, ONLINE, HYBRID
}
