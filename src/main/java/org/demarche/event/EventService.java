package org.demarche.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.demarche.common.PartialDate;
import org.demarche.common.Problem;
import org.demarche.common.QueryParams;
import org.demarche.common.References;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.paging.SortField;
import org.demarche.common.paging.Sorting;
import org.demarche.common.validation.Violations;
import org.demarche.official.Official;
import org.demarche.record.ListQuery;
import org.demarche.record.RecordService;
import org.demarche.source.Source;

@ApplicationScoped
public class EventService extends RecordService<Event, EventRequest, EventResponse> {

    static final Sorting<Event> SORTING = new Sorting<>(
            "-heldOn",
            SortField.date("heldOn", "heldOnStart", e -> e.heldOnStart),
            SortField.text("title", "title", e -> e.title),
            SortField.instant("createdAt", "createdAt", e -> e.createdAt),
            SortField.instant("updatedAt", "updatedAt", e -> e.updatedAt));

    /** Filters of the events list, as given; null fields are absent filters. */
    public record Filter(
            EventKind kind, List<String> officialIds, PartialDate from, PartialDate to, String title, Set<UUID> ids) {}

    @Transactional
    public Page<EventResponse> list(Filter filter, PageParams page) {
        return ListQuery.of(Event.class, "e")
                .where("e.id in :ids", "ids", filter.ids())
                .where("e.kind = :kind", "kind", filter.kind())
                .where(
                        "(e.host.id in :officialIds or exists (select 1 from e.participants p where p.id in :officialIds))",
                        "officialIds",
                        QueryParams.uuids("officialId", filter.officialIds()))
                .where(
                        "e.heldOnEnd >= :from",
                        "from",
                        filter.from() == null ? null : filter.from().start())
                .where(
                        "e.heldOnStart <= :to",
                        "to",
                        filter.to() == null ? null : filter.to().end())
                .where("lower(e.title) like :title escape '\\'", "title", QueryParams.likePattern(filter.title()))
                .page(page, SORTING)
                .map(this::represent);
    }

    @Override
    public String resourceName() {
        return "event";
    }

    @Override
    public Class<Event> entityType() {
        return Event.class;
    }

    @Override
    protected Class<EventRequest> requestType() {
        return EventRequest.class;
    }

    @Override
    protected Event newEntity() {
        return new Event();
    }

    @Override
    protected void checkRules(EventRequest request, Event existing, Violations violations) {
        if (request.hostId() != null && Official.findById(request.hostId()) == null) {
            violations.add("hostId", "no official has this id");
        }
        checkExist(violations, "participantIds", request.participantIds(), Official.class);
        checkExist(violations, "sourceIds", request.sourceIds(), Source.class);
    }

    @Override
    protected void apply(EventRequest request, Event event) {
        event.kind = request.kind();
        event.title = request.title();
        event.setHeldOn(PartialDate.of(request.heldOn()));
        event.venue = request.venue();
        event.host = request.hostId() == null ? null : Official.findById(request.hostId());
        event.participants.clear();
        request.participantIds().forEach(id -> event.participants.add(Official.findById(id)));
        event.sources.clear();
        request.sourceIds().forEach(id -> event.sources.add(Source.findById(id)));
    }

    @Override
    public EventResponse represent(Event event) {
        return EventResponse.of(event);
    }

    @Override
    protected EventRequest toRequest(Event e) {
        EventResponse r = represent(e);
        return new EventRequest(
                r.kind(), r.title(), r.heldOn(), r.venue(), r.hostId(), r.participantIds(), r.sourceIds());
    }

    /** Sources are a set: a request may list them in any order. Participants keep theirs. */
    @Override
    protected EventRequest comparable(EventRequest r) {
        return new EventRequest(
                r.kind(),
                r.title(),
                r.heldOn(),
                r.venue(),
                r.hostId(),
                r.participantIds(),
                r.sourceIds().stream()
                        .sorted(Comparator.nullsFirst(Comparator.naturalOrder()))
                        .toList());
    }

    @Override
    protected List<Problem.Reference> referencesTo(Event event) {
        return present(References.find("statement", "s", "from Statement s where s.event.id = :target", event.id));
    }
}
