package fr.maillage.evaluation.questionnaire;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One version of a questionnaire, as data (a JSON resource under {@code questionnaires/}): its items and
 * their answer options with scores, the scoring rule (the sum of the item scores, turned into a percentage)
 * and the bands the score falls in. {@link #problems()} says what is wrong with a definition; one that has
 * problems is refused at start-up. Responses are checked ({@link #faults}) and scored ({@link #score}) here,
 * on the server.
 *
 * @param id e.g. {@code who-5}
 * @param version 1, 2…; a response names the version it answered
 * @param language the language of {@code title}, {@code instructions} and the items' texts (e.g. {@code en})
 * @param licence why it may be shipped (free to use, or our own)
 * @param instructions what the person is asked, before the items
 * @param respondent who answers: a person (entered by their care team) or a professional (for themselves)
 * @param enrolment whether a response belongs to a workshop enrolment
 * @param timepoints when it may be answered
 * @param labels translations by language (e.g. {@code fr}); may be empty
 */
public record QuestionnaireDefinition(
        String id,
        Integer version,
        String title,
        String language,
        String licence,
        String instructions,
        Respondent respondent,
        EnrolmentRule enrolment,
        List<Timepoint> timepoints,
        List<Item> items,
        Scoring scoring,
        List<Band> bands,
        Map<String, Translation> labels) {

    /** Questionnaire ids: lower-case words joined by hyphens (also a path segment). */
    public static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");

    /** Item ids (also keys of the stored answers): no dot, no dollar. */
    public static final Pattern ITEM_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");

    private static final Pattern BAND_CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,63}$");

    /** Path segments of {@code /api/questionnaires/…} that are not questionnaires. */
    private static final Set<String> RESERVED_IDS = Set.of("due");

    public enum Respondent {
        /** The person concerned; their care team enters the answers. */
        PERSON,
        /** A professional, about their own work. */
        PROFESSIONAL
    }

    public enum EnrolmentRule {
        REQUIRED,
        OPTIONAL,
        NONE
    }

    /** An item: a statement or question and its answer options. */
    public record Item(String id, String text, List<Option> options) {}

    /**
     * @param value what the response gives for this option
     * @param score what it adds to the raw score
     */
    public record Option(Integer value, String label, Integer score) {}

    /**
     * @param method {@code SUM}: the raw score is the sum of the item scores
     * @param percent how the raw score becomes a percentage
     * @param percentMultiplier for {@link PercentRule#MULTIPLIER} (WHO-5: 4)
     */
    public record Scoring(String method, PercentRule percent, Double percentMultiplier) {}

    public enum PercentRule {
        /** raw × {@code percentMultiplier}. */
        MULTIPLIER,
        /** (raw − lowest raw) / (highest raw − lowest raw) × 100. */
        RANGE
    }

    /**
     * A band of scores, {@code min} and {@code max} inclusive, on the raw score or on the percentage.
     *
     * @param flag whether a score in this band asks for attention
     */
    public record Band(String code, String label, Scale on, Double min, Double max, Boolean flag) {

        boolean contains(int raw, double percent) {
            double value = on == Scale.RAW ? raw : percent;
            return value >= min && value <= max;
        }
    }

    public enum Scale {
        RAW,
        PERCENT
    }

    /**
     * The same questionnaire in another language.
     *
     * @param items item texts by item id
     * @param options option labels by option value (the same for every item that has that value)
     * @param bands band labels by band code
     */
    public record Translation(
            String title,
            String instructions,
            Map<String, String> items,
            Map<String, String> options,
            Map<String, String> bands) {}

    // ---- validation of the definition

    /** What is wrong with this definition; empty when it may be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            problems.add("id must match " + ID.pattern() + ", not " + id);
        } else if (RESERVED_IDS.contains(id)) {
            problems.add("id " + id + " is reserved");
        }
        if (version == null || version < 1) {
            problems.add("version must be 1 or more, not " + version);
        }
        requireText(problems, "title", title);
        requireText(problems, "language", language);
        requireText(problems, "licence", licence);
        if (respondent == null) {
            problems.add("respondent is required (PERSON or PROFESSIONAL)");
        }
        if (enrolment == null) {
            problems.add("enrolment is required (REQUIRED, OPTIONAL or NONE)");
        } else if (respondent == Respondent.PROFESSIONAL && enrolment != EnrolmentRule.NONE) {
            problems.add("a professional's questionnaire belongs to no enrolment (enrolment NONE)");
        }
        if (timepoints == null || timepoints.isEmpty() || timepoints.contains(null)) {
            problems.add("timepoints must list at least one timepoint");
        } else if (new HashSet<>(timepoints).size() != timepoints.size()) {
            problems.add("timepoints are listed twice");
        }
        boolean itemsValid = itemProblems(problems);
        boolean scoringValid = scoringProblems(problems, itemsValid);
        if (itemsValid && scoringValid) {
            bandProblems(problems);
        }
        translationProblems(problems);
        return List.copyOf(problems);
    }

    private boolean itemProblems(List<String> problems) {
        if (items == null || items.isEmpty()) {
            problems.add("items must list at least one item");
            return false;
        }
        int before = problems.size();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String where = "items[" + i + "]";
            if (item == null) {
                problems.add(where + " is empty");
                continue;
            }
            if (item.id() == null || !ITEM_ID.matcher(item.id()).matches()) {
                problems.add(where + ".id must match " + ITEM_ID.pattern() + ", not " + item.id());
            } else if (!ids.add(item.id())) {
                problems.add("item id " + item.id() + " is used twice");
            }
            requireText(problems, where + ".text", item.text());
            if (item.options() == null || item.options().size() < 2) {
                problems.add(where + " must offer at least two options");
                continue;
            }
            Set<Integer> values = new HashSet<>();
            for (int j = 0; j < item.options().size(); j++) {
                Option option = item.options().get(j);
                String at = where + ".options[" + j + "]";
                if (option == null || option.value() == null || option.score() == null) {
                    problems.add(at + " needs a value and a score");
                    continue;
                }
                if (!values.add(option.value())) {
                    problems.add(at + ": value " + option.value() + " is offered twice in item " + item.id());
                }
                if (option.score() < 0) {
                    problems.add(at + ": a score is 0 or more, not " + option.score());
                }
                requireText(problems, at + ".label", option.label());
            }
        }
        return problems.size() == before;
    }

    private boolean scoringProblems(List<String> problems, boolean itemsValid) {
        if (scoring == null) {
            problems.add("scoring is required");
            return false;
        }
        int before = problems.size();
        if (!"SUM".equals(scoring.method())) {
            problems.add("scoring.method must be SUM, not " + scoring.method());
        }
        if (scoring.percent() == null) {
            problems.add("scoring.percent is required (MULTIPLIER or RANGE)");
        } else if (scoring.percent() == PercentRule.MULTIPLIER) {
            if (scoring.percentMultiplier() == null || !(scoring.percentMultiplier() > 0)) {
                problems.add("scoring.percentMultiplier must be positive with percent MULTIPLIER");
            } else if (itemsValid && maxRaw() * scoring.percentMultiplier() > 100.0) {
                problems.add("scoring: the highest raw score " + maxRaw() + " × " + scoring.percentMultiplier()
                        + " is above 100");
            }
        } else {
            if (scoring.percentMultiplier() != null) {
                problems.add("scoring.percentMultiplier is only for percent MULTIPLIER");
            }
            if (itemsValid && maxRaw() == minRaw()) {
                problems.add("scoring: percent RANGE needs scores that vary");
            }
        }
        return problems.size() == before;
    }

    private void bandProblems(List<String> problems) {
        if (bands == null || bands.isEmpty()) {
            problems.add("bands must list at least one band");
            return;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            String where = "bands[" + i + "]";
            if (band == null || band.on() == null || band.min() == null || band.max() == null || band.flag() == null) {
                problems.add(where + " needs on (RAW or PERCENT), min, max and flag");
                return;
            }
            if (band.code() == null || !BAND_CODE.matcher(band.code()).matches()) {
                problems.add(where + ".code must match " + BAND_CODE.pattern() + ", not " + band.code());
            } else if (!codes.add(band.code())) {
                problems.add("band code " + band.code() + " is used twice");
            }
            requireText(problems, where + ".label", band.label());
            if (band.min() > band.max()) {
                problems.add(where + ": min " + band.min() + " is above max " + band.max());
            }
        }
        // Every score a response can reach falls in exactly one band: no gap, no overlap.
        for (int raw : achievableRaws()) {
            double percent = percentOf(raw);
            List<String> in = bands.stream()
                    .filter(band -> band.contains(raw, percent))
                    .map(Band::code)
                    .toList();
            if (in.isEmpty()) {
                problems.add("bands: raw score " + raw + " (" + percent + " %) falls in no band");
            } else if (in.size() > 1) {
                problems.add("bands: raw score " + raw + " (" + percent + " %) falls in several bands " + in);
            }
        }
    }

    private void translationProblems(List<String> problems) {
        if (labels == null) {
            return;
        }
        Set<String> itemIds = items == null
                ? Set.of()
                : items.stream().filter(Objects::nonNull).map(Item::id).collect(Collectors.toSet());
        Set<String> bandCodes = bands == null
                ? Set.of()
                : bands.stream().filter(Objects::nonNull).map(Band::code).collect(Collectors.toSet());
        for (Map.Entry<String, Translation> entry : labels.entrySet()) {
            String where = "labels." + entry.getKey();
            Translation translation = entry.getValue();
            if (translation == null) {
                problems.add(where + " is empty");
                continue;
            }
            if (translation.items() != null) {
                for (String item : translation.items().keySet()) {
                    if (!itemIds.contains(item)) {
                        problems.add(where + ".items names no item " + item);
                    }
                }
            }
            if (translation.bands() != null) {
                for (String code : translation.bands().keySet()) {
                    if (!bandCodes.contains(code)) {
                        problems.add(where + ".bands names no band " + code);
                    }
                }
            }
        }
    }

    private static void requireText(List<String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is required");
        }
    }

    // ---- scores

    public boolean allows(Timepoint timepoint) {
        return timepoints.contains(timepoint);
    }

    /** The lowest raw score a complete response can have. */
    public int minRaw() {
        return items.stream()
                .mapToInt(item ->
                        item.options().stream().mapToInt(Option::score).min().orElseThrow())
                .sum();
    }

    /** The highest raw score a complete response can have. */
    public int maxRaw() {
        return items.stream()
                .mapToInt(item ->
                        item.options().stream().mapToInt(Option::score).max().orElseThrow())
                .sum();
    }

    /** Every raw score some complete response reaches. */
    public Set<Integer> achievableRaws() {
        Set<Integer> sums = new TreeSet<>(Set.of(0));
        for (Item item : items) {
            Set<Integer> next = new TreeSet<>();
            for (int sum : sums) {
                for (Option option : item.options()) {
                    next.add(sum + option.score());
                }
            }
            sums = next;
        }
        return sums;
    }

    /** The percentage of a raw score (0–100, one decimal). */
    public double percentOf(int raw) {
        double percent = scoring.percent() == PercentRule.MULTIPLIER
                ? raw * scoring.percentMultiplier()
                : (raw - minRaw()) * 100.0 / (maxRaw() - minRaw());
        return Math.round(percent * 10.0) / 10.0;
    }

    /**
     * What is wrong with the answers of a response: items not answered, items the questionnaire does not
     * have, values that are not one of an item's options. Empty when they can be scored.
     *
     * @param answers item id -> value, as the request gave them (a value may be of any JSON type)
     */
    public List<AnswerFault> faults(Map<String, ?> answers) {
        List<AnswerFault> faults = new ArrayList<>();
        Map<String, ?> given = answers == null ? Map.of() : answers;
        for (Item item : items) {
            if (!given.containsKey(item.id()) || given.get(item.id()) == null) {
                faults.add(AnswerFault.missing(item.id()));
            } else if (optionOf(item, given.get(item.id())) == null) {
                faults.add(AnswerFault.invalidValue(
                        item.id(),
                        item.options().stream().map(Option::value).sorted().toList()));
            }
        }
        Set<String> known = new HashSet<>();
        items.forEach(item -> known.add(item.id()));
        given.keySet().stream()
                .filter(key -> !known.contains(key))
                .sorted()
                .forEach(key -> faults.add(AnswerFault.unknownItem(key)));
        return List.copyOf(faults);
    }

    /**
     * The answers as stored: item id -> option value, in the items' order.
     *
     * @throws IllegalArgumentException when they have {@link #faults}
     */
    public Map<String, Integer> normalise(Map<String, ?> answers) {
        List<AnswerFault> faults = faults(answers);
        if (!faults.isEmpty()) {
            throw new IllegalArgumentException("Answers of " + id + " v" + version + " have faults: " + faults);
        }
        Map<String, Integer> normalised = new LinkedHashMap<>();
        for (Item item : items) {
            normalised.put(item.id(), optionOf(item, answers.get(item.id())).value());
        }
        return normalised;
    }

    /**
     * The score of complete, valid answers.
     *
     * @throws IllegalArgumentException when they have {@link #faults}
     */
    public Score score(Map<String, ?> answers) {
        Map<String, Integer> values = normalise(answers);
        int raw = 0;
        for (Item item : items) {
            raw += optionOf(item, values.get(item.id())).score();
        }
        double percent = percentOf(raw);
        int total = raw;
        Band band = bands.stream()
                .filter(candidate -> candidate.contains(total, percent))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No band for raw score " + total + " of " + id));
        return new Score(raw, percent, band.code(), band.flag());
    }

    /** The option an answer names: a whole number equal to one of the item's values; null otherwise. */
    private static Option optionOf(Item item, Object answer) {
        Integer value = wholeNumber(answer);
        if (value == null) {
            return null;
        }
        return item.options().stream()
                .filter(option -> option.value().equals(value))
                .findFirst()
                .orElse(null);
    }

    private static Integer wholeNumber(Object answer) {
        return switch (answer) {
            case Integer i -> i;
            case Long l when l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE -> (int) (long) l;
            case Short s -> (int) s;
            case Byte b -> (int) b;
            case BigInteger big when big.bitLength() < 32 -> big.intValue();
            case null, default -> null;
        };
    }
}
