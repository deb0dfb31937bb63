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
    SITE_VISIT,
    /** A meeting of partners, e.g. between the medical institutions of Essen and Koriyama (Sep 2019). */
    MEETING,
    /** A ceremony, e.g. the signing of the agreement on continued cooperation in Koriyama (Sep 2019). */
    CEREMONY
}
