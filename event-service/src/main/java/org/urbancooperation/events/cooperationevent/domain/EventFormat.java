package org.urbancooperation.events.cooperationevent.domain;

/** What kind of cooperation event it is; the names are also the contract's {@code format} values. */
public enum EventFormat {
    STUDY_TOUR,
    JOINT_SEMINAR,
    TRADE_FAIR,
    CONFERENCE,
    BUSINESS_MATCHING,
    WORKSHOP
}
