package fr.maillage.platform.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Factory of the problems services throw. Each answer is RFC 9457 {@code application/problem+json}
 * whose {@code type} is {@code urn:maillage:problem:<slug>}.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:maillage:problem:";

    private Problems() {}

    /** {@code urn:maillage:problem:<slug>}. */
    public static URI type(String slug) {
        return URI.create(TYPE_PREFIX + slug);
    }

    /** 404 {@code not-found}: also the answer for something outside the caller's scope (DESIGN §6). */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(
                HttpStatus.NOT_FOUND, "not-found", "Not found", what + " " + id + " was not found.");
    }

    /** 409 {@code illegal-transition}, naming the current state (also as property {@code currentState}). */
    public static ProblemException illegalTransition(String action, Object currentState) {
        return new ProblemException(
                        HttpStatus.CONFLICT,
                        "illegal-transition",
                        "Illegal transition",
                        "Cannot " + action + " while the state is " + currentState + ".")
                .with("currentState", String.valueOf(currentState));
    }

    /** 409 with a service-specific slug, e.g. {@code conflict("already-enrolled", "...")}. */
    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, slug, "Conflict", detail);
    }

    /** 422: the request is well-formed but breaks a business rule. */
    public static ProblemException unprocessable(String slug, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, slug, "Unprocessable request", detail);
    }

    /** 400 with a service-specific slug. */
    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, slug, "Bad request", detail);
    }

    /** 403 {@code forbidden}. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    /** 412 {@code stale-version}: the {@code If-Match} version is not the current one. */
    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version", detail);
    }

    /** 428 {@code precondition-required}: an update without {@code If-Match}. */
    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(
                HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "Precondition required", detail);
    }

    /** A problem body for code that writes the response itself (filters, security handlers). */
    public static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }
}
