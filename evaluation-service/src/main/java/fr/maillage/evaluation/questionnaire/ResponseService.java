package fr.maillage.evaluation.questionnaire;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.maillage.evaluation.questionnaire.QuestionnaireDefinition.EnrolmentRule;
import fr.maillage.evaluation.questionnaire.QuestionnaireDefinition.Respondent;
import fr.maillage.evaluation.questionnaire.QuestionnaireResponse.Answering;
import fr.maillage.platform.observability.PersonalDataAudit;
import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import fr.maillage.platform.web.ProblemException;
import fr.maillage.platform.web.Problems;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Records responses (checked against their definition, scored here, answering the due they meet) and
 * reads them back, only to whom they belong: a person's answers to the person's care team, a
 * professional's own answers to that professional. Anyone else is told the person or response does not
 * exist (404), as for anything out of scope. Every record and read of a person's answers is audited.
 */
@Service
public class ResponseService {

    private static final Logger log = LoggerFactory.getLogger(ResponseService.class);

    private final MongoTemplate mongo;
    private final QuestionnaireCatalogue catalogue;
    private final CareTeamService careTeams;
    private final DueService dues;
    private final PersonalDataAudit audit;
    private final Clock clock;

    ResponseService(
            MongoTemplate mongo,
            QuestionnaireCatalogue catalogue,
            CareTeamService careTeams,
            DueService dues,
            PersonalDataAudit audit,
            Clock clock) {
        this.mongo = mongo;
        this.catalogue = catalogue;
        this.careTeams = careTeams;
        this.dues = dues;
        this.audit = audit;
        this.clock = clock;
        var indexes = mongo.indexOps(QuestionnaireResponse.class);
        indexes.createIndex(new Index().on("personRef", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("respondentId", Sort.Direction.ASC));
        indexes.createIndex(new Index()
                .on("questionnaireId", Sort.Direction.ASC)
                .on("territory", Sort.Direction.ASC)
                .on("recordedAt", Sort.Direction.ASC));
    }

    /**
     * A response as the request gives it (ids and territory already well-formed).
     *
     * @param version null: the latest
     * @param timepoint null: the definition's only timepoint, or the due's
     * @param dueId the due it answers, if the caller knows it
     */
    public record NewResponse(
            String questionnaireId,
            Integer version,
            Timepoint timepoint,
            String personRef,
            String enrolmentId,
            String dueId,
            String territory,
            Map<String, Object> answers) {}

    /** Checks, scores and stores a response; 4xx problems for anything wrong, with nothing written. */
    public QuestionnaireResponse record(NewResponse request, CurrentUser user) {
        QuestionnaireDefinition definition = catalogue
                .find(request.questionnaireId(), request.version())
                .orElseThrow(() -> unknownQuestionnaire(request));
        boolean professional = definition.respondent() == Respondent.PROFESSIONAL;
        requireMayAnswer(definition, request, user);

        QuestionnaireDue due = request.dueId() == null ? null : visibleDue(request.dueId(), user);
        String personRef = firstNonNull(request.personRef(), due == null ? null : due.personRef());
        String enrolmentId = firstNonNull(request.enrolmentId(), due == null ? null : due.enrolmentId());
        Timepoint timepoint = request.timepoint() != null
                ? request.timepoint()
                : due != null
                        ? due.timepoint()
                        : definition.timepoints().size() == 1
                                ? definition.timepoints().getFirst()
                                : null;
        if (due != null) {
            requireMatch(due, definition, personRef, enrolmentId, timepoint, request.territory());
        }
        if (timepoint == null) {
            throw Problems.unprocessable(
                            "timepoint-required",
                            "Questionnaire " + definition.id() + " is answered at " + definition.timepoints()
                                    + ": say which.")
                    .with("timepoints", definition.timepoints());
        }
        if (!definition.allows(timepoint)) {
            throw Problems.unprocessable(
                            "timepoint-not-allowed",
                            "Questionnaire " + definition.id() + " is answered at " + definition.timepoints() + ", not "
                                    + timepoint + ".")
                    .with("timepoints", definition.timepoints());
        }
        if (!professional && personRef == null) {
            throw Problems.unprocessable(
                    "person-required", "Questionnaire " + definition.id() + " is a person's: personRef is required.");
        }
        if (definition.enrolment() == EnrolmentRule.REQUIRED && enrolmentId == null) {
            throw Problems.unprocessable(
                    "enrolment-required",
                    "Questionnaire " + definition.id() + " is about a workshop: enrolmentId is required.");
        }
        if (!user.coversTerritory(request.territory())) {
            throw Problems.unprocessable(
                            "territory-not-covered",
                            "You do not work on territory " + request.territory() + "; your territories are "
                                    + user.territories().stream().sorted().toList() + ".")
                    .with("territory", request.territory());
        }
        if (!professional && !careTeams.includes(personRef, user)) {
            throw Problems.notFound("Person", personRef);
        }
        List<AnswerFault> faults = definition.faults(request.answers());
        if (!faults.isEmpty()) {
            throw Problems.unprocessable(
                            "invalid-answers",
                            faults.size() + (faults.size() == 1 ? " answer is" : " answers are") + " wrong: "
                                    + String.join(
                                            " ",
                                            faults.stream()
                                                    .map(AnswerFault::detail)
                                                    .toList()))
                    .with("questionnaireId", definition.id())
                    .with("version", definition.version())
                    .with("faults", faults);
        }

        Instant now = clock.instant();
        String answeredDue = due != null
                ? due.id()
                : enrolmentId != null ? DueSchedule.dueId(enrolmentId, definition.id(), timepoint) : null;
        QuestionnaireResponse response = QuestionnaireResponse.record(
                new Answering(
                        definition,
                        timepoint,
                        personRef,
                        enrolmentId,
                        professional ? null : answeredDue,
                        request.territory(),
                        request.answers()),
                user.id(),
                user.institution(),
                now);
        try {
            mongo.insert(response);
        } catch (DuplicateKeyException answeredBefore) {
            throw Problems.conflict(
                            "already-answered",
                            professional
                                    ? "You already answered " + definition.id() + " this quarter (" + response.quarter()
                                            + ")."
                                    : "Questionnaire " + definition.id() + " was already answered at " + timepoint
                                            + " for this enrolment.")
                    .with("responseId", response.id());
        }
        if (!professional && answeredDue != null) {
            dues.answered(answeredDue, personRef, response.id(), now);
        }
        if (!professional) {
            audit.record(user, personRef, "record-questionnaire-answers", definition.id());
        }
        log.info(
                "Response {} to {} v{} ({}) recorded by {}",
                response.id(),
                definition.id(),
                definition.version(),
                timepoint,
                user.id());
        return response;
    }

    /** A response, to the care team of its person, or to the professional who answered for themselves. */
    public QuestionnaireResponse find(String responseId, CurrentUser user) {
        QuestionnaireResponse response = mongo.findById(responseId, QuestionnaireResponse.class);
        if (response == null || !visible(response, user)) {
            throw Problems.notFound("Response", responseId);
        }
        if (response.personRef() != null) {
            audit.record(user, response.personRef(), "read-questionnaire-answers", "response");
        }
        return response;
    }

    /** The person's responses, newest first, to their care team. */
    public Page<QuestionnaireResponse> ofPerson(String personRef, int page, int size, CurrentUser user) {
        if (!careTeams.includes(personRef, user)) {
            throw Problems.notFound("Person", personRef);
        }
        audit.record(user, personRef, "read-questionnaire-answers", "responses-of-person");
        return page(Query.query(where("personRef").is(personRef)), page, size);
    }

    /** The caller's own answers to the professionals' questionnaires, newest first. */
    public Page<QuestionnaireResponse> own(int page, int size, CurrentUser user) {
        return page(Query.query(where("respondentId").is(user.id())), page, size);
    }

    /** The person's dues, to their care team. */
    public List<QuestionnaireDue> duesOf(String personRef, CurrentUser user) {
        if (!careTeams.includes(personRef, user)) {
            throw Problems.notFound("Person", personRef);
        }
        audit.record(user, personRef, "read-questionnaire-dues", "dues-of-person");
        return dues.ofPerson(personRef);
    }

    /** Deletes the person's responses; how many there were. */
    public long forget(String personRef) {
        return mongo.remove(Query.query(where("personRef").is(personRef)), QuestionnaireResponse.class)
                .getDeletedCount();
    }

    private boolean visible(QuestionnaireResponse response, CurrentUser user) {
        return response.respondent() == Respondent.PROFESSIONAL
                ? Objects.equals(response.respondentId(), user.id())
                : careTeams.includes(response.personRef(), user);
    }

    private Page<QuestionnaireResponse> page(Query query, int page, int size) {
        long total = mongo.count(query, QuestionnaireResponse.class);
        PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Order.desc("recordedAt"), Sort.Order.asc("id")));
        return new PageImpl<>(mongo.find(Query.of(query).with(request), QuestionnaireResponse.class), request, total);
    }

    private QuestionnaireDue visibleDue(String dueId, CurrentUser user) {
        return dues.find(dueId)
                .filter(due -> careTeams.includes(due.personRef(), user))
                .orElseThrow(() -> Problems.notFound("Due questionnaire", dueId));
    }

    /** Who may record a response to this questionnaire at all (403 otherwise), whoever it is about. */
    private static void requireMayAnswer(QuestionnaireDefinition definition, NewResponse request, CurrentUser user) {
        if (definition.respondent() == Respondent.PROFESSIONAL) {
            if (user.isPartner() || !user.hasAnyRole(Role.CLINICIAN, Role.FACILITATOR, Role.COORDINATOR)) {
                throw Problems.forbidden("Questionnaire " + definition.id()
                        + " is answered by clinicians, facilitators and coordinators, each for themselves.");
            }
            if (request.personRef() != null || request.enrolmentId() != null || request.dueId() != null) {
                throw Problems.unprocessable(
                        "not-about-a-person",
                        "Questionnaire " + definition.id() + " is a professional's own: no personRef, enrolmentId"
                                + " or dueId.");
            }
        } else if (!CareTeam.mayBeCareTeam(user)) {
            throw Problems.forbidden(
                    "A person's answers are recorded by their care team (clinicians and facilitators) only.");
        }
    }

    private static void requireMatch(
            QuestionnaireDue due,
            QuestionnaireDefinition definition,
            String personRef,
            String enrolmentId,
            Timepoint timepoint,
            String territory) {
        List<String> mismatches = new ArrayList<>();
        if (!due.questionnaireId().equals(definition.id())) {
            mismatches.add("questionnaireId");
        }
        if (!due.personRef().equals(personRef)) {
            mismatches.add("personRef");
        }
        if (!due.enrolmentId().equals(enrolmentId)) {
            mismatches.add("enrolmentId");
        }
        if (due.timepoint() != timepoint) {
            mismatches.add("timepoint");
        }
        if (!due.territory().equals(territory)) {
            mismatches.add("territory");
        }
        if (!mismatches.isEmpty()) {
            throw Problems.unprocessable(
                            "due-mismatch",
                            "The response does not answer due " + due.id() + ": " + String.join(", ", mismatches)
                                    + " differ.")
                    .with("fields", mismatches);
        }
    }

    private ProblemException unknownQuestionnaire(NewResponse request) {
        List<Integer> versions = catalogue.versions(request.questionnaireId());
        String what = versions.isEmpty()
                ? "There is no questionnaire " + request.questionnaireId() + "."
                : "Questionnaire " + request.questionnaireId() + " has no version " + request.version() + "; it has "
                        + versions + ".";
        return Problems.unprocessable("unknown-questionnaire", what)
                .with("questionnaireId", request.questionnaireId())
                .with("versions", versions);
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
