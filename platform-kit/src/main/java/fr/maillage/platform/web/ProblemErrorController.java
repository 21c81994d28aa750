package fr.maillage.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renders the servlet container's error dispatch (an exception thrown by a filter, a
 * {@code sendError}) as a problem too, in place of Boot's {@code BasicErrorController} JSON.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    @RequestMapping
    public ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int status = code instanceof Integer value ? value : HttpStatus.NOT_FOUND.value();
        ProblemDetail problem;
        RequestTooLargeException tooLarge = RequestTooLargeException.in(exception);
        if (tooLarge != null) {
            problem = RequestSizeLimitFilter.problem(tooLarge.limit());
        } else if (identityProviderUnreachable(exception)) {
            // Not this service's fault nor the client's: the token could not be checked right now.
            problem = Problems.problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "service-unavailable",
                    "Service unavailable",
                    "The access token cannot be checked right now (identity provider unreachable). Retry later.");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemResponses.asMap(withInstance(problem, request)));
        } else if (status >= 500) {
            // The container has logged the exception already; answer without its message.
            problem = ProblemDetailsAdvice.internalError();
            problem.setStatus(status);
            if (status != 500) {
                problem.setType(Problems.type(ProblemDetailsAdvice.slug(HttpStatus.valueOf(status))));
            }
        } else {
            HttpStatus known = HttpStatus.resolve(status);
            String message = (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            problem = Problems.problem(
                    HttpStatus.valueOf(status),
                    ProblemDetailsAdvice.slug(HttpStatus.valueOf(status)),
                    known == null ? "Error" : known.getReasonPhrase(),
                    message == null || message.isBlank()
                            ? (known == null ? "Error" : known.getReasonPhrase()) + "."
                            : message);
        }
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.asMap(withInstance(problem, request)));
    }

    private static ProblemDetail withInstance(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(originalPath(request));
        return problem;
    }

    /** The issuer's discovery or key set could not be fetched, so no token can be validated. */
    static boolean identityProviderUnreachable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JwtDecoderInitializationException || t instanceof AuthenticationServiceException) {
                return true;
            }
        }
        return false;
    }

    private static URI originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        try {
            return uri == null ? ProblemResponses.instance(request) : new URI(uri.toString());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
