package fr.maillage.alert.routing;

import fr.maillage.alert.alert.ResponderTeam;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** A team answering for the communes (INSEE codes) of its sector, during its office hours. */
public record SectorTeam(ResponderTeam team, Set<String> communes, OfficeHours officeHours) {

    public SectorTeam {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(officeHours, "officeHours");
        communes = Set.copyOf(communes);
    }

    public boolean covers(String commune) {
        return commune != null && communes.contains(commune.strip());
    }

    public boolean isOpen(Instant at) {
        return officeHours.isOpen(at);
    }
}
