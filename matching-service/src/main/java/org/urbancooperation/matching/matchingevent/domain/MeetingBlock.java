package org.urbancooperation.matching.matchingevent.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.urbancooperation.matching.shared.domain.InterpreterPair;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;

/**
 * A stretch of a matching event in which businesses meet 1:1, such as a trade fair's afternoon: slots of
 * {@code slotMinutes} from {@code startsAt}, none across a break, at {@code tables} tables (or virtual rooms, for an
 * online event), with interpreters on duty per language pair in every slot of the block.
 *
 * @param tables tables or virtual rooms per slot; null for an event from before blocks existed, which set no limit
 * @param roomLink for an online event, the link to its virtual rooms with {@code {room}} where the room's number goes
 *        (https://meet.example.org/essen-koriyama/room-{room}); null for tables in a hall
 */
public record MeetingBlock(Instant startsAt, Instant endsAt, int slotMinutes, List<Break> breaks, Integer tables,
        Map<InterpreterPair, Integer> interpreters, String roomLink) {

    public static final int MIN_SLOT_MINUTES = 5;
    public static final int MAX_SLOT_MINUTES = 240;
    public static final int MAX_BREAKS = 20;
    public static final int MAX_TABLES = 10_000;
    public static final int MAX_INTERPRETERS = 1_000;
    public static final String ROOM = "{room}";

    /** A pause inside a block (lunch, a keynote): no slot overlaps it. */
    public record Break(Instant startsAt, Instant endsAt) {

        public Break {
            startsAt = Require.instant("startsAt", startsAt).truncatedTo(ChronoUnit.MILLIS);
            endsAt = Require.instant("endsAt", endsAt).truncatedTo(ChronoUnit.MILLIS);
            if (!endsAt.isAfter(startsAt)) {
                throw InvalidValueException.between("startsAt", "endsAt", "a break starts before it ends");
            }
        }
    }

    public MeetingBlock {
        // Milliseconds are what the store keeps; cutting here makes stored, published and answered times agree.
        startsAt = Require.instant("startsAt", startsAt).truncatedTo(ChronoUnit.MILLIS);
        endsAt = Require.instant("endsAt", endsAt).truncatedTo(ChronoUnit.MILLIS);
        if (!endsAt.isAfter(startsAt)) {
            throw InvalidValueException.between("startsAt", "endsAt", "startsAt must be before endsAt");
        }
        if (slotMinutes < MIN_SLOT_MINUTES || slotMinutes > MAX_SLOT_MINUTES) {
            throw new InvalidValueException("slotMinutes", "slotMinutes must be between " + MIN_SLOT_MINUTES + " and "
                    + MAX_SLOT_MINUTES);
        }
        List<Break> sorted = new ArrayList<>(Require.each("breaks",
                Require.size("breaks", breaks == null ? List.of() : breaks, 0, MAX_BREAKS),
                (path, b) -> b));
        for (int i = 0; i < sorted.size(); i++) {
            Break b = sorted.get(i);
            if (b.startsAt().isBefore(startsAt) || b.endsAt().isAfter(endsAt)) {
                throw new InvalidValueException("breaks[" + i + "]", "a break lies inside its block ("
                        + startsAt + " to " + endsAt + ")");
            }
        }
        sorted.sort(Comparator.comparing(Break::startsAt));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).startsAt().isBefore(sorted.get(i - 1).endsAt())) {
                throw new InvalidValueException("breaks", "breaks do not overlap: " + sorted.get(i - 1) + " and "
                        + sorted.get(i));
            }
        }
        breaks = List.copyOf(sorted);
        if (tables != null && (tables < 1 || tables > MAX_TABLES)) {
            throw new InvalidValueException("tables", "tables must be between 1 and " + MAX_TABLES);
        }
        TreeMap<InterpreterPair, Integer> onDuty = new TreeMap<>();
        (interpreters == null ? Map.<InterpreterPair, Integer>of() : interpreters).forEach((pair, count) -> {
            if (pair == null || count == null || count < 0 || count > MAX_INTERPRETERS) {
                throw new InvalidValueException("interpreters", "interpreters per language pair are between 0 and "
                        + MAX_INTERPRETERS);
            }
            onDuty.put(pair, count);
        });
        interpreters = java.util.Collections.unmodifiableMap(onDuty);
        if (roomLink != null) {
            roomLink = Require.visibleText("roomLink", roomLink, 500);
            if (!roomLink.contains(ROOM) || !(roomLink.startsWith("https://") || roomLink.startsWith("http://"))) {
                throw new InvalidValueException("roomLink", "roomLink is an http(s) link with " + ROOM
                        + " where a virtual room's number goes, such as https://meet.example.org/room-" + ROOM);
            }
            try {
                java.net.URI.create(roomLink.replace(ROOM, "1"));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("roomLink", "roomLink is not a valid link: " + e.getMessage());
            }
        }
        if (slotsIn(startsAt, endsAt, slotMinutes, breaks).isEmpty()) {
            throw new InvalidValueException("slotMinutes", "not one slot of " + slotMinutes + " minutes fits in the "
                    + "block outside its breaks");
        }
    }

    /** A block of tables in a hall (no virtual room links). */
    public MeetingBlock(Instant startsAt, Instant endsAt, int slotMinutes, List<Break> breaks, Integer tables,
            Map<InterpreterPair, Integer> interpreters) {
        this(startsAt, endsAt, slotMinutes, breaks, tables, interpreters, null);
    }

    /** The link to virtual room {@code room} (a meeting's table number), or null for tables in a hall. */
    public String roomLinkFor(int room) {
        return roomLink == null ? null : roomLink.replace(ROOM, Integer.toString(room));
    }

    /** Whether the slot from {@code start} to {@code end} is one of this block's. */
    public boolean holds(Instant start, Instant end) {
        return !start.isBefore(startsAt) && !end.isAfter(endsAt);
    }

    /** The block's slots as (start, end) pairs: from the start, and again from the end of each break. */
    public List<Instant[]> slotTimes() {
        return slotsIn(startsAt, endsAt, slotMinutes, breaks);
    }

    private static List<Instant[]> slotsIn(Instant startsAt, Instant endsAt, int slotMinutes, List<Break> breaks) {
        Duration length = Duration.ofMinutes(slotMinutes);
        List<Instant[]> slots = new ArrayList<>();
        Instant from = startsAt;
        for (Break pause : breaks) {
            cut(from, pause.startsAt(), length, slots);
            from = pause.endsAt();
        }
        cut(from, endsAt, length, slots);
        return slots;
    }

    private static void cut(Instant from, Instant until, Duration length, List<Instant[]> into) {
        for (Instant start = from; !start.plus(length).isAfter(until); start = start.plus(length)) {
            into.add(new Instant[] {start, start.plus(length)});
        }
    }

    /**
     * Every slot of several blocks, numbered from 1 in time order; blocks may not overlap. The one way slots are cut,
     * for the event's single block from before blocks existed too.
     */
    public static List<Slot> slotsOf(List<MeetingBlock> blocks) {
        List<MeetingBlock> inOrder = blocks.stream().sorted(Comparator.comparing(MeetingBlock::startsAt)).toList();
        for (int i = 1; i < inOrder.size(); i++) {
            if (inOrder.get(i).startsAt().isBefore(inOrder.get(i - 1).endsAt())) {
                throw new InvalidValueException("blocks", "meeting blocks do not overlap: one ends at "
                        + inOrder.get(i - 1).endsAt() + ", the next starts at " + inOrder.get(i).startsAt());
            }
        }
        List<Slot> slots = new ArrayList<>();
        for (MeetingBlock block : inOrder) {
            for (Instant[] times : block.slotTimes()) {
                slots.add(new Slot(slots.size() + 1, times[0], times[1]));
            }
        }
        return List.copyOf(slots);
    }
}
