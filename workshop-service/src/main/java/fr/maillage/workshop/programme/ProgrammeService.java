package fr.maillage.workshop.programme;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Keeps the programmes projection in step with the directory; every write is an idempotent upsert by id. */
@Service
public class ProgrammeService {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeService.class);

    private final ProgrammeRepository programmes;

    ProgrammeService(ProgrammeRepository programmes) {
        this.programmes = programmes;
    }

    /**
     * Records what the directory says about a resource. A resource that is not (or no longer) a
     * workshop programme is only kept if we already knew it, so its new type withdraws it.
     */
    public void describe(
            String resourceId,
            String type,
            String institution,
            String territory,
            List<String> communes,
            String status,
            Instant at) {
        Optional<Programme> known = programmes.findById(resourceId);
        if (known.isEmpty() && !Programme.WORKSHOP_PROGRAMME.equals(type)) {
            return;
        }
        if (known.isPresent() && !known.get().isSupersededBy(at)) {
            log.info("Ignoring an older description of programme {}", resourceId);
            return;
        }
        // The directory does not carry the settings: a new description keeps the coordinator's.
        ProgrammeSettings settings = known.map(Programme::settings).orElse(null);
        programmes.save(new Programme(resourceId, type, institution, territory, communes, status, at, settings));
    }

    /** The settings a programme's groups run with: its own, else the defaults. */
    public ProgrammeSettings settingsOf(Programme programme) {
        return programme.settingsOr(ProgrammeSettings.DEFAULTS);
    }

    public Optional<Programme> find(String programmeId) {
        return programmes.findById(programmeId);
    }
}
