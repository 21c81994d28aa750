package fr.maillage.workshop.programme;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A workshop programme as the directory last described it. Only what this service acts on is kept
 * (no name: groups are addressed by programme id).
 */
@Document("programmes")
public class Programme {

    /** The directory's resource type of workshop programmes. */
    public static final String WORKSHOP_PROGRAMME = "WORKSHOP_PROGRAMME";

    static final String ACTIVE = "ACTIVE";

    @Id
    private final String id;

    private final String type;
    private final String institution;
    private final String territory;
    private final List<String> communes;
    private final String status;

    /** Time of the directory event this state comes from, so an older event never overwrites a newer one. */
    private final Instant describedAt;

    /** Set by a coordinator; null until then (the configured defaults apply). */
    private final ProgrammeSettings settings;

    /**
     * Incremented by every write (a directory description or a coordinator's settings), each a
     * targeted update of its own fields: the ETag of the programme. Not Spring Data's
     * {@code @Version}: nothing saves the whole document once it exists.
     */
    private final long version;

    public Programme(
            String id,
            String type,
            String institution,
            String territory,
            List<String> communes,
            String status,
            Instant describedAt) {
        this(id, type, institution, territory, communes, status, describedAt, null);
    }

    public Programme(
            String id,
            String type,
            String institution,
            String territory,
            List<String> communes,
            String status,
            Instant describedAt,
            ProgrammeSettings settings) {
        this(id, type, institution, territory, communes, status, describedAt, settings, null);
    }

    @PersistenceCreator
    public Programme(
            String id,
            String type,
            String institution,
            String territory,
            List<String> communes,
            String status,
            Instant describedAt,
            ProgrammeSettings settings,
            Long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.institution = Objects.requireNonNull(institution, "institution");
        this.territory = Objects.requireNonNull(territory, "territory");
        this.communes = communes == null ? List.of() : List.copyOf(communes);
        this.status = Objects.requireNonNull(status, "status");
        this.describedAt = Objects.requireNonNull(describedAt, "describedAt");
        this.settings = settings;
        // Programmes stored before versions existed have none: they are at version 0.
        this.version = version == null ? 0 : version;
    }

    /** The same programme with the coordinator's settings. */
    public Programme withSettings(ProgrammeSettings settings) {
        return new Programme(id, type, institution, territory, communes, status, describedAt, settings, version);
    }

    /** This programme's settings, or {@code defaults} while no coordinator has set them. */
    public ProgrammeSettings settingsOr(ProgrammeSettings defaults) {
        return settings != null ? settings : defaults;
    }

    /** Whether a coordinator has set this programme's settings (else the configured defaults apply). */
    public boolean hasOwnSettings() {
        return settings != null;
    }

    /** Whether a description dated {@code at} may replace this one (same or newer). */
    public boolean isSupersededBy(Instant at) {
        return !at.isBefore(describedAt);
    }

    /** A programme takes new groups while the directory lists it as an active workshop programme. */
    public boolean acceptsGroups() {
        return WORKSHOP_PROGRAMME.equals(type) && ACTIVE.equals(status);
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String institution() {
        return institution;
    }

    public String territory() {
        return territory;
    }

    public List<String> communes() {
        return communes;
    }

    public String status() {
        return status;
    }

    public Instant describedAt() {
        return describedAt;
    }

    /** Null while no coordinator has set them: see {@link #settingsOr}. */
    public ProgrammeSettings settings() {
        return settings;
    }

    public long version() {
        return version;
    }
}
