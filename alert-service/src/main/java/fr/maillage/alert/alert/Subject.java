package fr.maillage.alert.alert;

/**
 * The person an alert is about, when they have no {@code personRef} yet: a description kept only in
 * this service (DESIGN §6), never published.
 */
public record Subject(String description, Integer approximateAge, String commune) {

    @Override
    public String toString() {
        return "Subject[redacted]";
    }
}
