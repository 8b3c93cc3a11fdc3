package org.demarche.position;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.demarche.statement.StanceHistory;

/**
 * The statement feature's view of positions: where each official stood on each topic, by the rule of the stance
 * matrix ({@link PositionService#stances}): a position holds from its validFrom's first day until its validTo's
 * first day; of two that hold, the later start wins, then the lower id.
 */
@ApplicationScoped
public class PositionStanceHistory implements StanceHistory {

    /** Officials per query, to keep the {@code in} list short. */
    private static final int CHUNK = 500;

    private record Pair(UUID officialId, UUID topicId) {}

    private record Held(LocalDate from, LocalDate to, UUID id, Stance stance) {

        boolean on(LocalDate day) {
            return !from.isAfter(day) && (to == null || to.isAfter(day));
        }
    }

    /** Ids compare as their text, as the databases order them (UUID.compareTo compares signed halves). */
    private static final Comparator<Held> LATEST_START_FIRST = Comparator.comparing(Held::from)
            .reversed()
            .thenComparing(held -> held.id().toString());

    @Override
    public Stances of(Collection<UUID> officialIds) {
        Map<Pair, List<Held>> held = new HashMap<>();
        List<UUID> ids = new ArrayList<>(officialIds);
        for (int first = 0; first < ids.size(); first += CHUNK) {
            Panache.getEntityManager()
                    .createQuery(
                            "select p.official.id, p.topic.id, p.validFromStart, p.validToStart, p.id, p.stance"
                                    + " from Position p where p.official.id in :officials",
                            Object[].class)
                    .setParameter("officials", ids.subList(first, Math.min(ids.size(), first + CHUNK)))
                    .getResultStream()
                    .forEach(row -> held.computeIfAbsent(
                                    new Pair((UUID) row[0], (UUID) row[1]), pair -> new ArrayList<>())
                            .add(new Held((LocalDate) row[2], (LocalDate) row[3], (UUID) row[4], (Stance) row[5])));
        }
        held.values().forEach(positions -> positions.sort(LATEST_START_FIRST));
        return (officialId, topicId, day) -> held.getOrDefault(new Pair(officialId, topicId), List.of()).stream()
                .filter(position -> position.on(day))
                .findFirst()
                .map(position -> position.stance().name())
                .orElse(null);
    }
}
