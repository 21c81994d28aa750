package fr.maillage.evaluation.questionnaire;

import fr.maillage.evaluation.questionnaire.QuestionnaireDefinition.Respondent;
import fr.maillage.evaluation.questionnaire.ResponseService.NewResponse;
import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/responses}: answers to questionnaires, scored on the server. A person's answers are recorded
 * and read by their care team only; a professional's own answers by that professional only. Anyone else
 * asking for them is told they do not exist (404).
 */
@RestController
@RequestMapping("/api/responses")
class ResponseController {

    private final ResponseService service;

    ResponseController(ResponseService service) {
        this.service = service;
    }

    /** Records a response: 201 with its score; 4xx problems for anything wrong, with nothing written. */
    @PostMapping
    ResponseEntity<Recorded> record(@Valid @RequestBody RecordResponse body, CurrentUser user) {
        QuestionnaireResponse response = service.record(
                new NewResponse(
                        body.questionnaireId(),
                        body.version(),
                        body.timepoint(),
                        body.personRef(),
                        body.enrolmentId(),
                        body.dueId(),
                        body.territory(),
                        body.answers()),
                user);
        return ResponseEntity.created(URI.create("/api/responses/" + response.id()))
                .body(Recorded.of(response));
    }

    /**
     * With {@code personRef}: that person's responses, to their care team. Without: the caller's own answers
     * to the professionals' questionnaires. Newest first.
     */
    @GetMapping
    PageResponse<ResponseView> list(
            @RequestParam(required = false) @Pattern(regexp = IncomingFormats.UUID) String personRef,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            CurrentUser user) {
        return PageResponse.of(
                personRef == null ? service.own(page, size, user) : service.ofPerson(personRef, page, size, user),
                ResponseView::of);
    }

    @GetMapping("/{id}")
    ResponseView get(@PathVariable String id, CurrentUser user) {
        return ResponseView.of(service.find(id, user));
    }

    /**
     * A response to record.
     *
     * @param version null: the latest
     * @param timepoint may be left out when the questionnaire has one timepoint, or with {@code dueId}
     * @param personRef required for a person's questionnaire, refused for a professional's own
     * @param dueId the due this answers (its person, enrolment and timepoint are then taken from it)
     * @param answers item id -> option value
     */
    record RecordResponse(
            @NotBlank @Size(max = 64) String questionnaireId,
            @Min(1) @Max(100_000) Integer version,
            Timepoint timepoint,
            @Pattern(regexp = IncomingFormats.UUID) String personRef,
            @Pattern(regexp = IncomingFormats.UUID) String enrolmentId,
            @Pattern(regexp = IncomingFormats.UUID) String dueId,

            @NotBlank @Pattern(regexp = IncomingFormats.CODE)
            String territory,

            @NotNull @Size(max = 200) Map<String, Object> answers) {}

    /** What POST answers: the response's id and its score. */
    record Recorded(String responseId, String questionnaireId, int version, Timepoint timepoint, Score score) {

        static Recorded of(QuestionnaireResponse response) {
            return new Recorded(
                    response.id(),
                    response.questionnaireId(),
                    response.questionnaireVersion(),
                    response.timepoint(),
                    response.score());
        }
    }

    /**
     * A response as its readers see it; instants UTC.
     *
     * @param respondent PERSON (personRef set) or PROFESSIONAL (the answers are recordedBy's own)
     * @param quarter for a professional's questionnaire, the quarter it counts for
     */
    record ResponseView(
            String responseId,
            String questionnaireId,
            int version,
            Timepoint timepoint,
            Respondent respondent,
            String personRef,
            String enrolmentId,
            String dueId,
            String territory,
            String recordedBy,
            Instant recordedAt,
            String quarter,
            Map<String, Integer> answers,
            Score score) {

        static ResponseView of(QuestionnaireResponse response) {
            return new ResponseView(
                    response.id(),
                    response.questionnaireId(),
                    response.questionnaireVersion(),
                    response.timepoint(),
                    response.respondent(),
                    response.personRef(),
                    response.enrolmentId(),
                    response.dueId(),
                    response.territory(),
                    response.recordedBy(),
                    response.recordedAt(),
                    response.quarter(),
                    response.answers(),
                    response.score());
        }
    }
}
