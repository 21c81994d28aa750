package fr.maillage.workshop.schedule;

import java.time.Instant;

/** One entry of a generated calendar; {@code number} counts every entry, in time order, from 1. */
public record Slot(int number, SessionKind kind, Instant startsAt, Instant endsAt) {}
