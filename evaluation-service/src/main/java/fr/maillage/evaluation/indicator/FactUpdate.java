package fr.maillage.evaluation.indicator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one event tells about one subject (a referral, an alert, a group...), as a targeted upsert of its
 * fact document: fields to set, to lower ({@code $min}), to raise ({@code $max}) and to add to a set
 * ({@code $addToSet}). Every operation is idempotent and commutes with the others, so a duplicate delivery
 * changes nothing and the events of a subject may arrive in any order: the document ends the same. For this
 * to hold, {@code set} is only used for values every event of the subject agrees on (its territory, a
 * group's capacity...) or for keys that name their own version ({@code revisions.r3}).
 *
 * <p>{@link #applyTo(Map)} is the meaning of the update on a plain map; the fact store has MongoDB apply the
 * same operators, and unit tests fold event sequences in memory with it.
 *
 * <p>Values are normalised as MongoDB keeps them: instants cut to milliseconds, days as {@code yyyy-MM-dd}
 * text, sub-documents with their keys in a fixed (sorted) order so that equal values compare equal in
 * {@code $addToSet}.
 */
public final class FactUpdate {

    private final FactKind kind;
    private final String id;
    private final Map<String, Object> set = new TreeMap<>();
    private final Map<String, Object> min = new TreeMap<>();
    private final Map<String, Object> max = new TreeMap<>();
    private final Map<String, List<Object>> addToSet = new TreeMap<>();

    private FactUpdate(FactKind kind, String id) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.id = Objects.requireNonNull(id, "id");
    }

    /** An empty update of subject {@code id} of {@code kind}. */
    public static FactUpdate of(FactKind kind, String id) {
        return new FactUpdate(kind, id);
    }

    public FactKind kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    /** The subject's territory, when this update sets it. */
    public String territory() {
        return (String) set.get("territory");
    }

    public Map<String, Object> sets() {
        return Collections.unmodifiableMap(set);
    }

    public Map<String, Object> mins() {
        return Collections.unmodifiableMap(min);
    }

    public Map<String, Object> maxes() {
        return Collections.unmodifiableMap(max);
    }

    public Map<String, List<Object>> addsToSet() {
        return Collections.unmodifiableMap(addToSet);
    }

    public boolean isEmpty() {
        return set.isEmpty() && min.isEmpty() && max.isEmpty() && addToSet.isEmpty();
    }

    /** Sets {@code field} (a dotted path reaches into a sub-document); a null value sets nothing. */
    public FactUpdate set(String field, Object value) {
        if (value != null) {
            claim(field);
            set.put(field, normalise(value));
        }
        return this;
    }

    /** Keeps the smaller of the stored value and {@code value}; a null value changes nothing. */
    public FactUpdate min(String field, Comparable<?> value) {
        if (value != null) {
            claim(field);
            min.put(field, normalise(value));
        }
        return this;
    }

    /** Keeps the larger of the stored value and {@code value}; a null value changes nothing. */
    public FactUpdate max(String field, Comparable<?> value) {
        if (value != null) {
            claim(field);
            max.put(field, normalise(value));
        }
        return this;
    }

    /** Adds {@code value} to the array {@code field} unless an equal value is there already. */
    public FactUpdate addToSet(String field, Object value) {
        if (value != null) {
            if (!addToSet.containsKey(field)) {
                claim(field);
            }
            List<Object> values = addToSet.computeIfAbsent(field, f -> new ArrayList<>());
            Object normalised = normalise(value);
            if (!values.contains(normalised)) {
                values.add(normalised);
            }
        }
        return this;
    }

    /**
     * This update followed by {@code other} (same subject) as one update: the same document results as
     * from applying both, in either order.
     */
    public FactUpdate merge(FactUpdate other) {
        if (other.kind != kind || !other.id.equals(id)) {
            throw new IllegalArgumentException(
                    "Cannot merge updates of " + kind + " " + id + " and " + other.kind + " " + other.id);
        }
        FactUpdate merged = new FactUpdate(kind, id);
        merged.set.putAll(set);
        merged.min.putAll(min);
        merged.max.putAll(max);
        addToSet.forEach((field, values) -> merged.addToSet.put(field, new ArrayList<>(values)));
        other.set.forEach(merged.set::put);
        other.min.forEach((field, value) -> merged.min.merge(field, value, (a, b) -> compare(a, b) <= 0 ? a : b));
        other.max.forEach((field, value) -> merged.max.merge(field, value, (a, b) -> compare(a, b) >= 0 ? a : b));
        other.addToSet.forEach((field, values) -> {
            List<Object> into = merged.addToSet.computeIfAbsent(field, f -> new ArrayList<>());
            values.stream().filter(v -> !into.contains(v)).forEach(into::add);
        });
        merged.checkFieldsDistinct();
        return merged;
    }

    /** Applies the update to a fact document held in memory (what MongoDB does with the same operators). */
    public void applyTo(Map<String, Object> document) {
        document.putIfAbsent("_id", id);
        set.forEach((field, value) -> put(document, field, copy(value)));
        min.forEach((field, value) -> {
            Object current = get(document, field);
            if (current == null || compare(value, current) < 0) {
                put(document, field, value);
            }
        });
        max.forEach((field, value) -> {
            Object current = get(document, field);
            if (current == null || compare(value, current) > 0) {
                put(document, field, value);
            }
        });
        addToSet.forEach((field, values) -> {
            @SuppressWarnings("unchecked")
            List<Object> current = (List<Object>) get(document, field);
            if (current == null) {
                current = new ArrayList<>();
                put(document, field, current);
            }
            for (Object value : values) {
                if (!current.contains(value)) {
                    current.add(copy(value));
                }
            }
        });
    }

    @Override
    public String toString() {
        return "FactUpdate[" + kind + " " + id + " set=" + set + " min=" + min + " max=" + max + " addToSet=" + addToSet
                + "]";
    }

    // ---- helpers

    private void claim(String field) {
        if (set.containsKey(field) || min.containsKey(field) || max.containsKey(field) || addToSet.containsKey(field)) {
            throw new IllegalArgumentException("Field " + field + " is already updated by another operator");
        }
    }

    private void checkFieldsDistinct() {
        List<String> all = new ArrayList<>();
        all.addAll(set.keySet());
        all.addAll(min.keySet());
        all.addAll(max.keySet());
        all.addAll(addToSet.keySet());
        if (all.stream().distinct().count() != all.size()) {
            throw new IllegalArgumentException("A field is updated by two operators in " + this);
        }
    }

    static Object normalise(Object value) {
        return switch (value) {
            case Instant instant -> instant.truncatedTo(ChronoUnit.MILLIS);
            case LocalDate day -> day.toString();
            case Enum<?> constant -> constant.name();
            case Map<?, ?> map -> {
                Map<String, Object> sorted = new TreeMap<>();
                map.forEach((k, v) -> {
                    if (v != null) {
                        sorted.put(String.valueOf(k), normalise(v));
                    }
                });
                yield Collections.unmodifiableMap(sorted);
            }
            case String text -> text;
            case Boolean flag -> flag;
            case Integer number -> number;
            case Long number -> number;
            case Double number -> number;
            default -> throw new IllegalArgumentException("Unsupported fact value " + value.getClass());
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return ((Comparable) a).compareTo(b);
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new LinkedHashMap<>(map);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Object get(Map<String, Object> document, String path) {
        Object current = document;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(part);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> document, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> current = document;
        for (int i = 0; i < parts.length - 1; i++) {
            current = (Map<String, Object>) current.computeIfAbsent(parts[i], p -> new LinkedHashMap<>());
        }
        current.put(parts[parts.length - 1], value);
    }
}
