package fr.maillage.platform.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;

/**
 * An error that answers as an RFC 9457 problem. Build it with {@link Problems}; Spring MVC renders
 * it (it is an {@link ErrorResponseException}), the kit's handler adds {@code instance}.
 */
public class ProblemException extends ErrorResponseException {

    public ProblemException(HttpStatusCode status, String slug, String title, String detail) {
        super(status, Problems.problem(status, slug, title, detail), null);
    }

    /** Adds a member to the problem, e.g. {@code currentState}. */
    public ProblemException with(String property, Object value) {
        getBody().setProperty(property, value);
        return this;
    }

    /** The slug of the {@code type} URN, e.g. {@code not-found}. */
    public String slug() {
        return getBody().getType().toString().substring(Problems.TYPE_PREFIX.length());
    }

    @Override
    public String getMessage() {
        return getStatusCode().value() + " " + slug() + ": " + getBody().getDetail();
    }
}
