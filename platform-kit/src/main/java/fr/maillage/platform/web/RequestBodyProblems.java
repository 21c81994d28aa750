package fr.maillage.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Explains why a request body could not be read, naming the field and, for an enum, the accepted
 * values. Never echoes a parser's internal message or a Java class name.
 */
final class RequestBodyProblems {

    private RequestBodyProblems() {}

    static ProblemDetail describe(Throwable error) {
        MismatchedInputException mismatch = find(error, MismatchedInputException.class);
        if (mismatch != null) {
            return mismatch(mismatch);
        }
        ValueInstantiationException instantiation = find(error, ValueInstantiationException.class);
        if (instantiation != null) {
            String field = path(instantiation);
            String reason = instantiation.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null
                    ? ": " + iae.getMessage()
                    : ".";
            return invalidBody(
                    field.isEmpty()
                            ? "The request body is not acceptable" + reason
                            : "Field '" + field + "' is invalid" + reason,
                    field);
        }
        StreamReadException syntax = find(error, StreamReadException.class);
        if (syntax != null) {
            String where = syntax.getLocation() == null || syntax.getLocation().getLineNr() < 0
                    ? ""
                    : " (line " + syntax.getLocation().getLineNr() + ", column "
                            + syntax.getLocation().getColumnNr() + ")";
            return problem("malformed-json", "Malformed JSON", "The request body is not valid JSON" + where + ".");
        }
        JacksonException other = find(error, JacksonException.class);
        if (other != null && !path(other).isEmpty()) {
            return invalidBody("Field '" + path(other) + "' has an invalid value.", path(other));
        }
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (message.startsWith("Required request body is missing")) {
            return problem("missing-body", "Missing request body", "This request needs a JSON body.");
        }
        return problem("malformed-json", "Malformed JSON", "The request body could not be read as JSON.");
    }

    private static ProblemDetail mismatch(MismatchedInputException e) {
        String field = path(e);
        Class<?> target = e.getTargetType();
        if (e instanceof UnrecognizedPropertyException unknown) {
            return invalidBody("Field '" + field + "' is not expected here.", field);
        }
        if (target != null && target.isEnum()) {
            List<String> accepted = acceptedValues(target);
            String value = e instanceof InvalidFormatException ife && ife.getValue() != null
                    ? "value '" + ife.getValue() + "'"
                    : "a value";
            ProblemDetail problem = invalidBody(
                    "Field '" + field + "' has " + value + " which is not one of the accepted values: "
                            + String.join(", ", accepted) + ".",
                    field);
            problem.setProperty("acceptedValues", accepted);
            return problem;
        }
        if (e instanceof InvalidNullException) {
            return invalidBody("Field '" + field + "' must not be null.", field);
        }
        if (field.isEmpty()) {
            return invalidBody("The request body must be a JSON " + kind(target) + ".", field);
        }
        String value =
                e instanceof InvalidFormatException ife && ife.getValue() != null ? " '" + ife.getValue() + "'" : "";
        return invalidBody(
                "Field '" + field + "' has value" + value + " which is not a valid " + kind(target) + ".", field);
    }

    private static ProblemDetail invalidBody(String detail, String field) {
        ProblemDetail problem = problem("invalid-body", "Invalid request body", detail);
        if (!field.isEmpty()) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    private static ProblemDetail problem(String slug, String title, String detail) {
        return Problems.problem(HttpStatus.BAD_REQUEST, slug, title, detail);
    }

    /** JSON path of the failing value, e.g. {@code participants[1].role}. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The JSON spellings of an enum's constants (honours {@code @JsonProperty} on a constant). */
    static List<String> acceptedValues(Class<?> enumType) {
        List<String> values = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            try {
                JsonProperty renamed = enumType.getField(name).getAnnotation(JsonProperty.class);
                values.add(renamed != null && !renamed.value().isEmpty() ? renamed.value() : name);
            } catch (NoSuchFieldException e) {
                values.add(name);
            }
        }
        return values;
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type)
                || (type.isPrimitive() && type != boolean.class && type != char.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
            return "string";
        }
        if (type == UUID.class) {
            return "UUID";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "ISO-8601 date/time";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
            return "object";
        }
        return "value";
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
