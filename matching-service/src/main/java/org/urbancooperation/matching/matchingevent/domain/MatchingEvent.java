package org.urbancooperation.matching.matchingevent.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;

/**
 * A business matching event of a partnership, such as the joint online matching of Essen and
 * Koriyama companies on products against COVID-19: between {@code startsAt} and {@code endsAt}
 * companies meet 1:1 in slots of {@code slotMinutes}. Immutable: each command returns the new state
 * and the events it raised.
 *
 * @param cooperationEventId the cooperation event (event-service) it is held at, e.g. a trade fair; null when none
 * @param timeZone the IANA zone its blocks were entered in; null for an event of before blocks (one block of
 *        startsAt/endsAt/slotMinutes, tables unlimited)
 * @param blocks its meeting blocks in time order, not overlapping; empty for an event of before blocks. With blocks,
 *        startsAt and endsAt are the first block's start and the last one's end, slotMinutes the first block's
 */
public record MatchingEvent(
        UUID id,
        UUID partnershipId,
        String title,
        Instant startsAt,
        Instant endsAt,
        int slotMinutes,
        MatchingEventStatus status,
        UUID cooperationEventId,
        ZoneId timeZone,
        List<MeetingBlock> blocks) {

    public static final int MIN_SLOT_MINUTES = 5;
    public static final int MAX_SLOT_MINUTES = 240;
    public static final Duration MAX_SPAN = Duration.ofDays(14);
    public static final int MAX_BLOCKS = 50;

    public MatchingEvent {
        Require.present("id", id);
        Require.present("partnershipId", partnershipId);
        title = Require.text("title", title, 200);
        // Milliseconds are what the store keeps; cutting here makes the stored, published and answered times agree.
        startsAt = Require.present("startsAt", startsAt).truncatedTo(ChronoUnit.MILLIS);
        endsAt = Require.present("endsAt", endsAt).truncatedTo(ChronoUnit.MILLIS);
        if (slotMinutes < MIN_SLOT_MINUTES || slotMinutes > MAX_SLOT_MINUTES) {
            throw new InvalidValueException("slotMinutes", "slotMinutes must be between " + MIN_SLOT_MINUTES + " and "
                    + MAX_SLOT_MINUTES);
        }
        if (!endsAt.isAfter(startsAt)) {
            throw InvalidValueException.between("startsAt", "endsAt", "startsAt must be before endsAt");
        }
        Duration span = Duration.between(startsAt, endsAt);
        if (span.compareTo(MAX_SPAN) > 0) {
            throw InvalidValueException.between("startsAt", "endsAt", "a matching event lasts at most "
                    + MAX_SPAN.toDays() + " days");
        }
        if (span.compareTo(Duration.ofMinutes(slotMinutes)) < 0) {
            throw new InvalidValueException("slotMinutes", "not one slot of " + slotMinutes
                    + " minutes fits between startsAt and endsAt");
        }
        Require.present("status", status);
        blocks = blocks == null ? List.of()
                : blocks.stream().sorted(java.util.Comparator.comparing(MeetingBlock::startsAt)).toList();
    }

    public static ResultWithEvents<MatchingEvent, MatchingEventChange> open(UUID id, UUID partnershipId, String title,
            Instant startsAt, Instant endsAt, int slotMinutes, UUID cooperationEventId) {
        return open(id, partnershipId, title, startsAt, endsAt, slotMinutes, cooperationEventId, null);
    }

    /** One span of slots, as before blocks; {@code timeZone} (optional) is the zone its meetings are shown in. */
    public static ResultWithEvents<MatchingEvent, MatchingEventChange> open(UUID id, UUID partnershipId, String title,
            Instant startsAt, Instant endsAt, int slotMinutes, UUID cooperationEventId, ZoneId timeZone) {
        // Rules for new input, beyond the invariants the constructor keeps for stored events too.
        Require.visibleText("title", title, 200);
        Require.instant("startsAt", startsAt);
        Require.instant("endsAt", endsAt);
        MatchingEvent opened = new MatchingEvent(id, partnershipId, title, startsAt, endsAt, slotMinutes,
                MatchingEventStatus.OPEN, cooperationEventId, timeZone, List.of());
        return ResultWithEvents.of(opened, new MatchingEventChange.Opened(opened));
    }

    /**
     * An event in meeting blocks entered on the clocks of {@code timeZone}: from the first block's start to the last
     * one's end, in the first block's slot length as its slotMinutes (what the published MatchingEventOpened says).
     *
     * @throws InvalidValueException naming {@code blocks} when there are none, too many, or two overlap, and
     *         {@code timeZone} when absent
     */
    public static ResultWithEvents<MatchingEvent, MatchingEventChange> openInBlocks(UUID id, UUID partnershipId,
            String title, ZoneId timeZone, List<MeetingBlock> blocks, UUID cooperationEventId) {
        Require.present("timeZone", timeZone);
        Require.size("blocks", Require.present("blocks", blocks), 1, MAX_BLOCKS);
        MeetingBlock.slotsOf(blocks);
        List<MeetingBlock> inOrder = blocks.stream().sorted(java.util.Comparator.comparing(MeetingBlock::startsAt))
                .toList();
        Require.visibleText("title", title, 200);
        MatchingEvent opened = new MatchingEvent(id, partnershipId, title, inOrder.get(0).startsAt(),
                inOrder.get(inOrder.size() - 1).endsAt(), inOrder.get(0).slotMinutes(), MatchingEventStatus.OPEN,
                cooperationEventId, timeZone, inOrder);
        return ResultWithEvents.of(opened, new MatchingEventChange.Opened(opened));
    }

    /**
     * The organiser moves, adds or removes blocks (a room is lost, the fair opens later): the event becomes the new
     * blocks, on the clocks of {@code timeZone}. Nothing is published (MatchingEventOpened keeps the first span);
     * the next schedule release moves only the meetings whose slot is gone or no longer has their table.
     */
    public ResultWithEvents<MatchingEvent, MatchingEventChange> replaceBlocks(ZoneId newTimeZone,
            List<MeetingBlock> newBlocks) {
        MatchingEvent replaced = openInBlocks(id, partnershipId, title, newTimeZone, newBlocks, cooperationEventId)
                .aggregate();
        return ResultWithEvents.of(new MatchingEvent(id, partnershipId, title, replaced.startsAt(), replaced.endsAt(),
                replaced.slotMinutes(), status, cooperationEventId, replaced.timeZone(), replaced.blocks()));
    }

    public boolean hasBlocks() {
        return !blocks.isEmpty();
    }

    /**
     * Its blocks; for an event of before blocks the one block of startsAt, endsAt and slotMinutes, without breaks,
     * interpreters or a limit on tables.
     */
    public List<MeetingBlock> meetingBlocks() {
        return hasBlocks() ? blocks
                : List.of(new MeetingBlock(startsAt, endsAt, slotMinutes, List.of(), null, java.util.Map.of()));
    }

    /** How many whole slots fit; time left over at the end of a block, or before a break, is not a slot. */
    public int slotCount() {
        if (hasBlocks()) {
            return slots().size();
        }
        // At most 14 days of 5-minute slots (4032), so an int holds it.
        return (int) Duration.between(startsAt, endsAt).dividedBy(Duration.ofMinutes(slotMinutes));
    }

    /** The whole slots from {@code startsAt} on: 08:00-11:00 in 30 minutes is six, 08:00-08:30 ... 10:30-11:00. */
    public List<Slot> slots() {
        if (hasBlocks()) {
            return MeetingBlock.slotsOf(blocks);
        }
        Duration length = Duration.ofMinutes(slotMinutes);
        int count = slotCount();
        List<Slot> slots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant start = startsAt.plus(length.multipliedBy(i));
            slots.add(new Slot(i + 1, start, start.plus(length)));
        }
        return List.copyOf(slots);
    }
}
