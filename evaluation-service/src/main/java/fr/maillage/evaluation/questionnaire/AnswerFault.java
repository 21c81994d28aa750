package fr.maillage.evaluation.questionnaire;

import java.util.List;

/**
 * What is wrong with one answer of a response.
 *
 * @param item the item id as given (cut to {@value #MAX_ITEM_LENGTH} characters)
 * @param fault {@code missing}, {@code unknown-item} or {@code invalid-value}
 * @param detail a sentence naming what is expected
 */
public record AnswerFault(String item, String fault, String detail) {

    static final int MAX_ITEM_LENGTH = 64;

    static AnswerFault missing(String item) {
        return new AnswerFault(item, "missing", "Item " + item + " is not answered.");
    }

    static AnswerFault unknownItem(String item) {
        String shown = item.length() > MAX_ITEM_LENGTH ? item.substring(0, MAX_ITEM_LENGTH) + "…" : item;
        return new AnswerFault(shown, "unknown-item", "The questionnaire has no item " + shown + ".");
    }

    static AnswerFault invalidValue(String item, List<Integer> accepted) {
        return new AnswerFault(
                item, "invalid-value", "Item " + item + " takes one of the values " + accepted + " (a whole number).");
    }
}
