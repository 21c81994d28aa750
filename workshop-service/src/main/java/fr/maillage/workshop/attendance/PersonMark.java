package fr.maillage.workshop.attendance;

import java.util.Objects;

/** One line of a recording: a participant (by {@code personRef}, as the facilitators know them) and their mark. */
public record PersonMark(String personRef, Mark mark) {

    public PersonMark {
        Objects.requireNonNull(personRef, "personRef");
        Objects.requireNonNull(mark, "mark");
    }
}
