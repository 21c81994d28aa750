package fr.maillage.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception that leaves a controller into an RFC 9457 problem with a
 * {@code urn:maillage:problem:<slug>} type and {@code instance} = request path. Client errors say
 * what is wrong; anything unexpected is a 500 with a generic detail, logged with its trace id.
 * Ordered last so a service's own advice wins for the exceptions it handles.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice
        extends org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** The detail of every 500: the cause stays in the log, never in the answer. */
    public static final String INTERNAL_ERROR_DETAIL =
            "An unexpected error occurred. It has been logged; quote the traceId when you report it.";

    // --- Spring MVC's own exceptions, with a detail that names what is wrong --------------------

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(invalidField(error.getField(), error.getDefaultMessage()));
        }
        for (ObjectError error : ex.getBindingResult().getGlobalErrors()) {
            errors.add(invalidField(error.getObjectName(), error.getDefaultMessage()));
        }
        return handleExceptionInternal(ex, validationProblem(errors), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String parameter = result.getMethodParameter().getParameterName();
            if (result.getContainerIndex() != null) {
                parameter = parameter + "[" + result.getContainerIndex() + "]";
            } else if (result.getContainerKey() != null) {
                parameter = parameter + "[" + result.getContainerKey() + "]";
            }
            if (result instanceof ParameterErrors parameterErrors) {
                for (FieldError error : parameterErrors.getFieldErrors()) {
                    errors.add(invalidField(error.getField(), error.getDefaultMessage()));
                }
                for (ObjectError error : parameterErrors.getGlobalErrors()) {
                    errors.add(invalidField(parameter, error.getDefaultMessage()));
                }
            } else {
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.add(invalidField(parameter, error.getDefaultMessage()));
                }
            }
        }
        HttpStatusCode answer = status.is5xxServerError() ? status : HttpStatus.BAD_REQUEST;
        if (answer.is5xxServerError()) {
            // Validation of a return value failed: a server bug, not the client's.
            return handleExceptionInternal(ex, null, headers, answer, request);
        }
        return handleExceptionInternal(ex, validationProblem(errors), headers, answer, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestTooLargeException tooLarge = RequestTooLargeException.in(ex);
        if (tooLarge != null) {
            return handleExceptionInternal(
                    ex,
                    RequestSizeLimitFilter.problem(tooLarge.limit()),
                    headers,
                    HttpStatus.CONTENT_TOO_LARGE,
                    request);
        }
        return handleExceptionInternal(ex, RequestBodyProblems.describe(ex), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        StringBuilder detail = new StringBuilder("Parameter '")
                .append(name)
                .append("' has value '")
                .append(ex.getValue())
                .append("' which is not ");
        ProblemDetail problem;
        if (type != null && type.isEnum()) {
            List<String> accepted = RequestBodyProblems.acceptedValues(type);
            detail.append("one of the accepted values: ")
                    .append(String.join(", ", accepted))
                    .append('.');
            problem = Problems.problem(
                    HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail.toString());
            problem.setProperty("acceptedValues", accepted);
        } else {
            detail.append("a valid ")
                    .append(type == null ? "value" : type.getSimpleName().toLowerCase(Locale.ROOT))
                    .append('.');
            problem = Problems.problem(
                    HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail.toString());
        }
        problem.setProperty("parameter", name);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, noEndpoint(ex.getHttpMethod().name(), request), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(
            NoHandlerFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, noEndpoint(ex.getHttpMethod(), request), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String allowed = ex.getSupportedHttpMethods() == null
                ? ""
                : " Allowed: "
                        + ex.getSupportedHttpMethods().stream()
                                .map(Object::toString)
                                .collect(Collectors.joining(", "))
                        + ".";
        ProblemDetail problem = Problems.problem(
                status,
                "method-not-allowed",
                "Method not allowed",
                ex.getMethod() + " is not supported on " + path(request) + "." + allowed);
        if (ex.getSupportedHttpMethods() != null) {
            headers.setAllow(ex.getSupportedHttpMethods());
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String supported = ex.getSupportedMediaTypes().isEmpty()
                ? ""
                : " Use " + MediaType.toString(ex.getSupportedMediaTypes()) + ".";
        String contentType =
                ex.getContentType() == null ? "(none)" : ex.getContentType().toString();
        ProblemDetail problem = Problems.problem(
                status,
                "unsupported-media-type",
                "Unsupported media type",
                "Content-Type " + contentType + " is not supported here." + supported);
        if (!ex.getSupportedMediaTypes().isEmpty()) {
            headers.setAccept(ex.getSupportedMediaTypes());
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.problem(
                status,
                "not-acceptable",
                "Not acceptable",
                "None of the media types in Accept can be produced here; acceptable: "
                        + MediaType.toString(ex.getSupportedMediaTypes()) + ".");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        long limit = ex.getMaxUploadSize();
        ProblemDetail problem = limit > 0
                ? RequestSizeLimitFilter.problem(limit)
                : Problems.problem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "payload-too-large",
                        "Payload too large",
                        "The request body is too large.");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    // --- Exceptions thrown by services and by the libraries under them --------------------------

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> staleVersion(OptimisticLockingFailureException ex, WebRequest request) {
        ProblemDetail problem = Problems.problem(
                HttpStatus.PRECONDITION_FAILED,
                "stale-version",
                "Stale version",
                "The resource was changed by someone else meanwhile. Read it again and retry with its new ETag.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.PRECONDITION_FAILED, request);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException ex, WebRequest request) {
        ProblemDetail problem = Problems.problem(
                HttpStatus.CONFLICT,
                "duplicate",
                "Duplicate",
                "Something with the same unique identity already exists.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
            errors.add(invalidField(String.valueOf(violation.getPropertyPath()), violation.getMessage()));
        }
        return handleExceptionInternal(
                ex, validationProblem(errors), new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** {@code @PreAuthorize} refusals happen inside MVC: answer like the security filter chain does. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
        ProblemDetail problem = Problems.problem(
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Forbidden",
                "Your roles do not allow this action on this resource.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, WebRequest request) {
        ProblemDetail problem = Problems.problem(
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                "Unauthorized",
                "This resource needs a bearer access token (Authorization: Bearer <token>).");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.UNAUTHORIZED, request);
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<Object> storeUnavailable(DataAccessResourceFailureException ex, WebRequest request) {
        log.error("Data store unavailable while answering {}", path(request), ex);
        ProblemDetail problem = Problems.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "service-unavailable",
                "Service unavailable",
                "The service cannot reach its data store right now. Retry later.");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        return handleExceptionInternal(ex, null, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    // --- One place that gives every problem its type, instance and log line ---------------------

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given
                ? given
                : ex instanceof ErrorResponse errorResponse ? errorResponse.getBody() : ProblemDetail.forStatus(status);
        if (status.is5xxServerError() && !(ex instanceof ProblemException)) {
            if (status.value() == 500) {
                log.error("Unexpected error answering {} {}", method(request), path(request), ex);
                problem = internalError();
            } else if (problem.getType() == null
                    || "about:blank".equals(problem.getType().toString())) {
                log.warn("{} answering {} {}: {}", status.value(), method(request), path(request), ex.toString());
            }
        } else if (log.isDebugEnabled()) {
            log.debug("{} answering {} {}: {}", status.value(), method(request), path(request), ex.toString());
        }
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(Problems.type(slug(status)));
        }
        if (problem.getTitle() == null) {
            HttpStatus known = HttpStatus.resolve(status.value());
            problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        }
        if (problem.getInstance() == null && request instanceof NativeWebRequest nativeRequest) {
            HttpServletRequest servletRequest = nativeRequest.getNativeRequest(HttpServletRequest.class);
            if (servletRequest != null) {
                problem.setInstance(ProblemResponses.instance(servletRequest));
            }
        }
        return super.handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** The 500 answer: a generic detail and the trace id to find the logged cause. */
    static ProblemDetail internalError() {
        ProblemDetail problem = Problems.problem(
                HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error", INTERNAL_ERROR_DETAIL);
        String traceId = MDC.get("traceId");
        if (traceId != null) {
            problem.setProperty("traceId", traceId);
        }
        return problem;
    }

    /** A kebab-case slug from the status' reason phrase, e.g. {@code service-unavailable}. */
    static String slug(HttpStatusCode status) {
        if (status.value() == 500) {
            return "internal-error";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null
                ? "http-" + status.value()
                : known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static ProblemDetail validationProblem(List<Map<String, String>> errors) {
        String summary = errors.stream()
                .map(error -> error.get("field") + " (" + error.get("message") + ")")
                .collect(Collectors.joining(", "));
        ProblemDetail problem = Problems.problem(
                HttpStatus.BAD_REQUEST,
                "validation-failed",
                "Invalid request",
                errors.size() == 1
                        ? "1 field is invalid: " + summary + "."
                        : errors.size() + " fields are invalid: " + summary + ".");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, String> invalidField(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message == null ? "is invalid" : message);
        return error;
    }

    private static ProblemDetail noEndpoint(String method, WebRequest request) {
        return Problems.problem(
                HttpStatus.NOT_FOUND, "not-found", "Not found", "No endpoint " + method + " " + path(request) + ".");
    }

    private static String path(WebRequest request) {
        if (request instanceof NativeWebRequest nativeRequest) {
            HttpServletRequest servletRequest = nativeRequest.getNativeRequest(HttpServletRequest.class);
            if (servletRequest != null) {
                return servletRequest.getRequestURI();
            }
        }
        return request.getDescription(false).replaceFirst("^uri=", "");
    }

    private static String method(WebRequest request) {
        if (request instanceof NativeWebRequest nativeRequest) {
            HttpServletRequest servletRequest = nativeRequest.getNativeRequest(HttpServletRequest.class);
            if (servletRequest != null) {
                return servletRequest.getMethod();
            }
        }
        return "";
    }
}
