package org.urbancooperation.events.cooperationevent.domain;

/** What part of the programme a session is. */
public enum SessionKind {
    OPENING_REMARKS,
    SCENE_SETTING,
    KEYNOTE,
    PANEL,
    TOPIC_PRESENTATION,
    BREAK,
    SUMMARY,
    CLOSING,
    MATCHING_BLOCK
}
