package org.urbancooperation.matching.profile.domain;

/** What kind of organisation a business profile stands for. */
public enum BusinessKind {
    COMPANY,
    START_UP,
    RESEARCH_INSTITUTE,
    HOSPITAL,
    AGENCY,
    CLUSTER
}
