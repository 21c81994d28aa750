package fr.maillage.evaluation.questionnaire;

import fr.maillage.evaluation.questionnaire.QuestionnaireDefinition.Band;
import fr.maillage.evaluation.questionnaire.QuestionnaireDefinition.EnrolmentRule;
import fr.maillage.evaluation.questionnaire.QuestionnaireDefinition.Item;
import fr.maillage.evaluation.questionnaire.QuestionnaireDefinition.Respondent;
import fr.maillage.evaluation.questionnaire.QuestionnaireDefinition.Scoring;
import fr.maillage.evaluation.questionnaire.QuestionnaireDefinition.Translation;
import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.PageResponse;
import fr.maillage.platform.web.Problems;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/questionnaires}: the definitions, for every member of staff (partners' systems never ask
 * questions: 403); and {@code /api/questionnaires/due}, the questionnaires due for a person, for their care
 * team only (anyone else: 404, as if the person did not exist). A literal path: Spring prefers it to {@code
 * /{id}}, and no questionnaire may be called {@code due}.
 */
@RestController
@RequestMapping("/api/questionnaires")
class QuestionnaireController {

    private final QuestionnaireCatalogue catalogue;
    private final ResponseService responses;

    QuestionnaireController(QuestionnaireCatalogue catalogue, ResponseService responses) {
        this.catalogue = catalogue;
        this.responses = responses;
    }

    /** The latest version of every questionnaire, by id. */
    @GetMapping
    @PreAuthorize("hasAnyRole('coordinator', 'clinician', 'facilitator', 'steering', 'admin')")
    PageResponse<QuestionnaireSummary> list() {
        List<QuestionnaireSummary> all = catalogue.latest().stream()
                .map(definition -> QuestionnaireSummary.of(definition, catalogue.versions(definition.id())))
                .toList();
        return new PageResponse<>(all, 0, all.size(), all.size());
    }

    /** A questionnaire's definition: its latest version, or {@code ?version=}. */
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('coordinator', 'clinician', 'facilitator', 'steering', 'admin')")
    QuestionnaireView get(
            @PathVariable String id, @RequestParam(required = false) @Min(1) @Max(100_000) Integer version) {
        QuestionnaireDefinition definition = catalogue
                .find(id, version)
                .orElseThrow(() -> Problems.notFound("Questionnaire", version == null ? id : id + " v" + version));
        return QuestionnaireView.of(definition, catalogue.versions(id));
    }

    /** The questionnaires due for a person (DUE or ANSWERED), by due time. */
    @GetMapping("/due")
    PageResponse<DueView> due(
            @RequestParam @NotBlank @Pattern(regexp = IncomingFormats.UUID) String personRef, CurrentUser user) {
        List<DueView> dues =
                responses.duesOf(personRef, user).stream().map(DueView::of).toList();
        return new PageResponse<>(dues, 0, dues.size(), dues.size());
    }

    /** A questionnaire in the list. */
    record QuestionnaireSummary(
            String id,
            int version,
            List<Integer> versions,
            String title,
            String language,
            Respondent respondent,
            EnrolmentRule enrolment,
            List<Timepoint> timepoints,
            int items) {

        static QuestionnaireSummary of(QuestionnaireDefinition definition, List<Integer> versions) {
            return new QuestionnaireSummary(
                    definition.id(),
                    definition.version(),
                    versions,
                    definition.title(),
                    definition.language(),
                    definition.respondent(),
                    definition.enrolment(),
                    definition.timepoints(),
                    definition.items().size());
        }
    }

    /** A questionnaire's whole definition, as it is answered and scored. */
    record QuestionnaireView(
            String id,
            int version,
            List<Integer> versions,
            String title,
            String language,
            String licence,
            String instructions,
            Respondent respondent,
            EnrolmentRule enrolment,
            List<Timepoint> timepoints,
            List<Item> items,
            Scoring scoring,
            int minRaw,
            int maxRaw,
            List<Band> bands,
            Map<String, Translation> labels) {

        static QuestionnaireView of(QuestionnaireDefinition definition, List<Integer> versions) {
            return new QuestionnaireView(
                    definition.id(),
                    definition.version(),
                    versions,
                    definition.title(),
                    definition.language(),
                    definition.licence(),
                    definition.instructions(),
                    definition.respondent(),
                    definition.enrolment(),
                    definition.timepoints(),
                    definition.items(),
                    definition.scoring(),
                    definition.minRaw(),
                    definition.maxRaw(),
                    definition.bands(),
                    definition.labels() == null ? Map.of() : definition.labels());
        }
    }

    /** A questionnaire due for a person; instants UTC. */
    record DueView(
            String dueId,
            String questionnaireId,
            Timepoint timepoint,
            String personRef,
            String enrolmentId,
            String groupId,
            String territory,
            Instant dueAt,
            DueStatus status,
            Instant announcedAt,
            Instant answeredAt,
            String responseId) {

        static DueView of(QuestionnaireDue due) {
            return new DueView(
                    due.id(),
                    due.questionnaireId(),
                    due.timepoint(),
                    due.personRef(),
                    due.enrolmentId(),
                    due.groupId(),
                    due.territory(),
                    due.dueAt(),
                    due.status(),
                    due.announcedAt(),
                    due.answeredAt(),
                    due.responseId());
        }
    }
}
