package fr.maillage.platform.events;

/**
 * A record that is not a valid CloudEvent, or whose data does not bind or validate. Retrying cannot
 * help, so the kit's error handler sends it to the dead-letter topic at once.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
