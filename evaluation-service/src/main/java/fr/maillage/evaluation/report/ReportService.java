package fr.maillage.evaluation.report;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.maillage.evaluation.indicator.Disclosure;
import fr.maillage.evaluation.indicator.FigureAccess;
import fr.maillage.evaluation.indicator.IndicatorBoard;
import fr.maillage.evaluation.indicator.IndicatorDefinition;
import fr.maillage.evaluation.indicator.TerritoryIndicators;
import fr.maillage.evaluation.period.Period;
import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.Problems;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Publishes quarterly reports and hands them out to those who read the territory's figures
 * ({@link FigureAccess}). A report's figures are taken once from the {@link IndicatorBoard} (the quarter,
 * and its months that have started, for the trends), disclosed, rendered as JSON, CSV and PDF, and stored
 * with its {@code report-published} event in one insert: nothing is written unless all of it is ready.
 */
@Service
class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    /** A territory as every service writes it (and as meeting-service requires it in report-published). */
    static final String TERRITORY = "^[a-z0-9][a-z0-9-]{0,63}$";

    private static final Pattern TERRITORY_PATTERN = Pattern.compile(TERRITORY);

    /** What a list or view reads of a report: never its renderings. */
    private static final String[] RENDERINGS = {"json", "csv", "pdf", "pendingEvents", "outboxLease"};

    private final IndicatorBoard board;
    private final Disclosure disclosure;
    private final ReportMessages messages;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final List<String> trendIndicators;

    ReportService(
            IndicatorBoard board,
            Disclosure disclosure,
            ReportMessages messages,
            MongoTemplate mongo,
            Clock clock,
            ReportProperties properties) {
        this.board = board;
        this.disclosure = disclosure;
        this.messages = messages;
        this.mongo = mongo;
        this.clock = clock;
        Set<String> catalogue =
                board.definitions().stream().map(IndicatorDefinition::id).collect(Collectors.toSet());
        List<String> unknown = properties.trendIndicators().stream()
                .filter(id -> !catalogue.contains(id))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("maillage.evaluation.reports.trend-indicators names indicators that are"
                    + " not in the catalogue: " + unknown);
        }
        this.trendIndicators = properties.trendIndicators();
        var indexes = mongo.indexOps(Report.class);
        // The lists: a territory's reports (of a quarter), latest first.
        indexes.createIndex(new Index()
                .on("territory", Sort.Direction.ASC)
                .on("quarter", Sort.Direction.ASC)
                .on("publishedAt", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("territory", Sort.Direction.ASC).on("publishedAt", Sort.Direction.ASC));
    }

    /**
     * Publishes the report of a territory's quarter, for a caller who reads its figures.
     *
     * @throws fr.maillage.platform.web.ProblemException 400 for a territory or quarter not written as
     *     expected, 403/404 by {@link FigureAccess}, 422 {@code period-not-started} for a quarter not
     *     begun
     */
    Report publish(String territory, String quarterCode, CurrentUser user) {
        if (territory == null || !TERRITORY_PATTERN.matcher(territory).matches()) {
            throw Problems.badRequest(
                            "invalid-territory",
                            "A territory is lower-case letters, digits and dashes (e.g. bievre), not " + territory
                                    + ".")
                    .with("field", "territory");
        }
        Period quarter = quarter(quarterCode, "quarter");
        requireAccess(user, territory);
        Instant now = clock.instant();
        if (!quarter.hasStartedAt(now)) {
            throw Problems.unprocessable(
                            "period-not-started",
                            "Quarter " + quarter.code() + " has not started: it begins on " + quarter.firstDay() + ".")
                    .with("period", quarter.code());
        }
        TerritoryIndicators figures = board.indicators(territory, quarter);
        List<TerritoryIndicators> months = quarter.months().stream()
                .filter(month -> month.hasStartedAt(now))
                .map(month -> board.indicators(territory, month))
                .toList();
        ReportContent content =
                ReportContent.of(UUID.randomUUID().toString(), now, figures, months, disclosure, trendIndicators);
        byte[] pdf = ReportPdf.render(content, ReportCharts.of(content));
        Report report = Report.of(content, user.id(), ReportJson.render(content), ReportCsv.render(content), pdf);
        messages.published(report);
        mongo.insert(report);
        log.info(
                "Report {} of {} for territory {} published by {} ({} bytes of PDF{})",
                report.id(),
                report.quarter(),
                report.territory(),
                user.id(),
                pdf.length,
                report.provisional() ? ", provisional" : "");
        return report;
    }

    /**
     * The reports the caller may read, latest first: of one territory (404 if it is not theirs) or of all
     * theirs, of one quarter or all.
     */
    Page<Report> list(String territory, String quarterCode, int page, int size, CurrentUser user) {
        PageRequest pageable = PageRequest.of(page, size);
        Criteria criteria;
        if (territory != null) {
            requireAccess(user, territory);
            criteria = where("territory").is(territory);
        } else {
            requireAccess(user, null);
            criteria = FigureAccess.readsEveryTerritory(user)
                    ? new Criteria()
                    : where("territory").in(user.territories());
        }
        if (quarterCode != null) {
            criteria =
                    criteria.and("quarter").is(quarter(quarterCode, "quarter").code());
        }
        Query query = new Query(criteria);
        long total = mongo.count(query, Report.class);
        query.with(pageable)
                .with(Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("_id")))
                .fields()
                .exclude(RENDERINGS);
        return new PageImpl<>(mongo.find(query, Report.class), pageable, total);
    }

    /** A report without its renderings; 404 when it does not exist or is not the caller's to read. */
    Report find(String reportId, CurrentUser user) {
        Query query = new Query(where("_id").is(reportId));
        query.fields().exclude(RENDERINGS);
        return readable(mongo.findOne(query, Report.class), reportId, user);
    }

    /** A report with one rendering ({@code json}, {@code csv} or {@code pdf}) read. */
    Report findWith(String reportId, String rendering, CurrentUser user) {
        Query query = new Query(where("_id").is(reportId));
        query.fields().include("territory", "quarter", "publishedAt", "provisional", "requestedBy", rendering);
        return readable(mongo.findOne(query, Report.class), reportId, user);
    }

    private Report readable(Report report, String reportId, CurrentUser user) {
        if (report == null || FigureAccess.toRead(user, report.territory()) != FigureAccess.ALLOWED) {
            requireAccess(user, null); // a caller who never reads figures is refused, found or not
            throw Problems.notFound("Report", reportId);
        }
        return report;
    }

    /** 403 when the caller never reads figures; 404 when {@code territory} (if given) is not theirs. */
    private static void requireAccess(CurrentUser user, String territory) {
        if (!FigureAccess.readsFigures(user)) {
            throw Problems.forbidden("Only steering members, coordinators and admins read a territory's figures.");
        }
        if (territory != null && FigureAccess.toRead(user, territory) == FigureAccess.OUT_OF_SCOPE) {
            throw Problems.notFound("Territory", territory);
        }
    }

    /** The quarter a code names; 400 naming the expected form otherwise. */
    static Period quarter(String code, String field) {
        Period period;
        try {
            period = Period.parse(code);
        } catch (IllegalArgumentException e) {
            throw invalidQuarter(code, field);
        }
        if (period.granularity() != Period.Granularity.QUARTER) {
            throw invalidQuarter(code, field);
        }
        return period;
    }

    private static RuntimeException invalidQuarter(String code, String field) {
        return Problems.badRequest(
                        "invalid-quarter", "A quarter is written like 2026-Q4 (year, Q, 1 to 4), not " + code + ".")
                .with("field", field)
                .with("expected", "YYYY-Qn");
    }
}
