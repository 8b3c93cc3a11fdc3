package org.demarche.common.paging;

import jakarta.ws.rs.QueryParam;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.demarche.common.ProblemException;
import org.demarche.common.QueryParams;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code id} filter every record list takes: only the records with these ids ({@code id=a&id=b}), at
 * most {@value #MAX_IDS} of them, so a client reads the records a chart or picker shows in one call.
 */
public class IdFilter {

    public static final int MAX_IDS = 100;

    public static final String DESCRIPTION = "Only the records with these ids; repeat the parameter or separate ids"
            + " by commas, at most 100. Unknown ids are simply absent; other filters, sort and paging apply as usual.";

    @QueryParam("id")
    @Parameter(description = DESCRIPTION)
    public List<String> id;

    /** The ids asked for, or null when the filter is absent. */
    public Set<UUID> ids() {
        return parse(id);
    }

    /**
     * Ids from a repeatable, comma-separated {@code id} parameter, without repeats; null when absent. A value
     * that is not a UUID, or more than {@value #MAX_IDS} ids, is a 400.
     */
    public static Set<UUID> parse(List<String> texts) {
        List<UUID> ids = QueryParams.uuids("id", texts);
        if (ids == null) {
            return null;
        }
        Set<UUID> distinct = new LinkedHashSet<>(ids);
        if (distinct.size() > MAX_IDS) {
            throw ProblemException.badRequest("Query parameter 'id' takes at most " + MAX_IDS + " ids, not "
                    + distinct.size() + "; ask for the rest in another call");
        }
        return distinct;
    }
}
