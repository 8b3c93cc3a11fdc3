package org.demarche.position;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.demarche.common.paging.IdFilter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of position lists, as query parameters; each is optional and all combine. */
public class PositionFilter {

    @QueryParam("id")
    @Parameter(description = IdFilter.DESCRIPTION)
    public List<String> id;

    @QueryParam("officialId")
    @Parameter(description = "Only positions of these officials; repeat the parameter or separate ids by commas")
    public List<String> officialId;

    @QueryParam("topic")
    @Parameter(
            description = "Only positions on this topic (slug or id) or a topic nested under it",
            example = "ceasefire")
    public String topic;

    @QueryParam("stance")
    @Parameter(
            description = "Only positions with this stance, any case",
            schema = @Schema(implementation = Stance.class))
    public Stance stance;

    @QueryParam("current")
    @Parameter(
            description = "true: only positions still held (validTo null); false: only ended ones",
            schema = @Schema(type = SchemaType.BOOLEAN))
    public String current;
}
