package fr.maillage.meeting.meeting;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The quorum of a case discussion: decisions about a person (a CASE_REVIEW item, or any item of a
 * CASE_CONFERENCE) are recorded only when at least {@code minProfessions} distinct professions are
 * present, so that no single profession decides alone (horizontal, pluriprofessional work).
 */
public record Quorum(int minProfessions) {

    public static final int DEFAULT_MIN_PROFESSIONS = 3;

    public Quorum {
        if (minProfessions < 1) {
            throw new IllegalArgumentException("A quorum needs at least one profession, not " + minProfessions);
        }
    }

    /**
     * Where the quorum stands.
     *
     * @param professionsPresent the distinct professions present, sorted
     * @param missing how many more professions are needed (0 when reached)
     */
    public record Standing(List<String> professionsPresent, int minProfessions, int missing) {

        public boolean reached() {
            return missing == 0;
        }
    }

    /** Whether a decision on this item of this meeting needs the quorum. */
    public boolean appliesTo(MeetingKind meeting, ItemKind item) {
        return meeting == MeetingKind.CASE_CONFERENCE || item == ItemKind.CASE_REVIEW;
    }

    /** The standing for the professions of the participants present (duplicates count once). */
    public Standing of(Collection<String> professionsOfThosePresent) {
        List<String> distinct = professionsOfThosePresent.stream()
                .filter(Objects::nonNull)
                .map(Quorum::key)
                .filter(profession -> !profession.isEmpty())
                .distinct()
                .sorted()
                .toList();
        return new Standing(distinct, minProfessions, Math.max(0, minProfessions - distinct.size()));
    }

    /** Professions compare trimmed and case-blind: "Nurse" and "nurse" are one profession. */
    static String key(String profession) {
        return profession == null ? "" : profession.trim().toLowerCase(Locale.ROOT);
    }
}
