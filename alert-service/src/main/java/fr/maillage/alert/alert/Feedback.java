package fr.maillage.alert.alert;

import java.time.Instant;

/** What the emitter was told about the outcome, how, when and by whom ({@code sentBy} is a {@code sub}). */
public record Feedback(String message, FeedbackChannel channel, Instant sentAt, String sentBy) {

    Feedback anonymised() {
        return new Feedback(null, channel, sentAt, sentBy);
    }

    @Override
    public String toString() {
        return "Feedback[channel=" + channel + ", sentAt=" + sentAt + ", redacted]";
    }
}
