package fr.maillage.workshop.agenda;

import java.util.List;

/** Where the agenda learns a facilitator's sessions (the groups keep them). */
public interface FacilitatorSessions {

    /** The sessions they lead (one of the two facilitators), in every group that is not cancelled. */
    List<AgendaEntry> of(String facilitatorId);
}
