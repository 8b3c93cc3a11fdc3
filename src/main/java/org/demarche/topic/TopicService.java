package org.demarche.topic;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.demarche.common.NameWords;
import org.demarche.common.Problem;
import org.demarche.common.ProblemException;
import org.demarche.common.QueryParams;
import org.demarche.common.References;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.paging.SortField;
import org.demarche.common.paging.Sorting;
import org.demarche.common.validation.Violations;
import org.demarche.record.ListQuery;
import org.demarche.record.RecordService;

@ApplicationScoped
public class TopicService extends RecordService<Topic, TopicRequest, TopicResponse> {

    static final Sorting<Topic> SORTING = new Sorting<>(
            "slug",
            SortField.text("slug", "slug", t -> t.slug),
            SortField.text("name", "name", t -> t.name),
            SortField.instant("createdAt", "createdAt", t -> t.createdAt),
            SortField.instant("updatedAt", "updatedAt", t -> t.updatedAt));

    @Transactional
    public Page<TopicResponse> list(String parent, String name, String prefix, Set<UUID> ids, PageParams page) {
        UUID parentId = parent == null || parent.isBlank() ? null : resolve("parent", parent).id;
        return ListQuery.of(Topic.class, "t")
                .whereLikeEach("t.nameKey", NameWords.lookup("prefix", prefix))
                .where("t.id in :ids", "ids", ids)
                .where("t.parent.id = :parentId", "parentId", parentId)
                .where("lower(t.name) like :name escape '\\'", "name", QueryParams.likePattern(name))
                .page(page, SORTING)
                .map(this::represent);
    }

    /** The topic a query parameter names by slug or id; 400 when there is none. */
    public Topic resolve(String parameter, String idOrSlug) {
        return bySlugOrId(idOrSlug)
                .orElseThrow(() -> ProblemException.badRequest(
                        "Query parameter '" + parameter + "' names no topic: '" + idOrSlug + "'"));
    }

    /** The topic a path names by slug or id; 404 when there is none. */
    public Topic find(String idOrSlug) {
        return bySlugOrId(idOrSlug).orElseThrow(() -> ProblemException.notFound(resourceName(), idOrSlug));
    }

    private static Optional<Topic> bySlugOrId(String idOrSlug) {
        String value = QueryParams.text(idOrSlug);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Topic.findById(UUID.fromString(value)));
        } catch (IllegalArgumentException notAnId) {
            return Topic.bySlug(value);
        }
    }

    /**
     * The ids of the topic a query parameter names and of every topic nested under it, so that a filter
     * on {@code ukraine-negotiations} also finds {@code ceasefire}. Null when the parameter is absent.
     */
    public Set<UUID> withDescendants(String parameter, String idOrSlug) {
        if (idOrSlug == null || idOrSlug.isBlank()) {
            return null;
        }
        return withDescendants(List.of(resolve(parameter, idOrSlug).id))
                .values()
                .iterator()
                .next();
    }

    /**
     * For each of these topic ids, itself and the ids of every topic nested under it, read in one query
     * (an id no topic has stands alone).
     */
    public Map<UUID, Set<UUID>> withDescendants(Collection<UUID> topicIds) {
        Map<UUID, List<UUID>> children = new HashMap<>();
        for (Object[] row : Panache.getEntityManager()
                .createQuery("select t.id, t.parent.id from Topic t where t.parent is not null", Object[].class)
                .getResultList()) {
            children.computeIfAbsent((UUID) row[1], k -> new ArrayList<>()).add((UUID) row[0]);
        }
        Map<UUID, Set<UUID>> subtrees = new HashMap<>();
        for (UUID root : topicIds) {
            Set<UUID> ids = new HashSet<>();
            Deque<UUID> pending = new ArrayDeque<>(List.of(root));
            while (!pending.isEmpty()) {
                UUID id = pending.pop();
                if (ids.add(id)) {
                    pending.addAll(children.getOrDefault(id, List.of()));
                }
            }
            subtrees.put(root, ids);
        }
        return subtrees;
    }

    @Override
    public String resourceName() {
        return "topic";
    }

    @Override
    public Class<Topic> entityType() {
        return Topic.class;
    }

    @Override
    protected Class<TopicRequest> requestType() {
        return TopicRequest.class;
    }

    @Override
    protected Topic newEntity() {
        return new Topic();
    }

    @Override
    protected void checkRules(TopicRequest request, Topic existing, Violations violations) {
        if (request.parentId() == null) {
            return;
        }
        Topic parent = Topic.findById(request.parentId());
        if (parent == null) {
            violations.add("parentId", "no topic has this id");
            return;
        }
        for (Topic ancestor = parent; existing != null && ancestor != null; ancestor = ancestor.parent) {
            if (ancestor.id.equals(existing.id)) {
                violations.add("parentId", "must not be the topic itself or one nested under it");
                return;
            }
        }
    }

    @Override
    protected void checkConflicts(TopicRequest request, Topic existing) {
        Topic.bySlug(request.slug())
                .filter(other -> existing == null || !Objects.equals(other.id, existing.id))
                .ifPresent(other -> {
                    throw ProblemException.conflict("Topic " + other.id + " already has slug " + request.slug());
                });
    }

    @Override
    protected void apply(TopicRequest request, Topic topic) {
        topic.slug = request.slug();
        topic.name = request.name();
        topic.description = request.description();
        topic.parent = request.parentId() == null ? null : Topic.findById(request.parentId());
        topic.codes.clear();
        topic.codes.putAll(request.codes());
        topic.nameKey = NameWords.key(List.of(topic.name, topic.slug));
    }

    @Override
    public TopicResponse represent(Topic topic) {
        return TopicResponse.of(topic);
    }

    @Override
    protected TopicRequest toRequest(Topic t) {
        return new TopicRequest(t.slug, t.name, t.description, t.parent == null ? null : t.parent.id, t.codes);
    }

    @Override
    protected List<Problem.Reference> referencesTo(Topic topic) {
        return present(
                References.find("topic", "c", "from Topic c where c.parent.id = :target", topic.id),
                References.find("statement", "s", "from Statement s join s.topics t where t.id = :target", topic.id),
                References.find("position", "p", "from Position p where p.topic.id = :target", topic.id));
    }
}
