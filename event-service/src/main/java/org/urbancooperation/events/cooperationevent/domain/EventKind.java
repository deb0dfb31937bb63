package org.urbancooperation.events.cooperationevent.domain;

/** What kind of cooperation event it is; the names are also the integration events' {@code format} values. */
public enum EventKind {
    CONFERENCE,
    SEMINAR,
    STUDY_TOUR,
    TRADE_FAIR,
    BUSINESS_MATCHING,
    WEBINAR,
    EXCHANGE_PROGRAMME,
    SITE_VISIT
}
