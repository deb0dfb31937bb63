package org.urbancooperation.support.domain;

/**
 * Which offset a local time means when its zone changes its clocks at that time: the one in force before
 * the change or the one after. For a fall-back overlap (02:30 happens twice in Berlin on the last Sunday of
 * October) BEFORE_CHANGE is the first 02:30 (+02:00), AFTER_CHANGE the second (+01:00). For a spring-forward gap
 * (02:30 does not exist on the last Sunday of March) the local time is read with that offset: BEFORE_CHANGE
 * 02:30+01:00 (= 03:30 CEST), AFTER_CHANGE 02:30+02:00 (= 01:30 CET).
 */
public enum LocalTimeOffset {
    BEFORE_CHANGE,
    AFTER_CHANGE
}
