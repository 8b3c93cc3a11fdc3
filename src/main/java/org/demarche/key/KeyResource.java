package org.demarche.key;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.demarche.common.http.Responses;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.stream.ListFormat;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Keys", description = "API keys for writing; admin keys only")
@SecurityScheme(
        securitySchemeName = "apiKey",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "An API key: 'Authorization: Bearer <key>'. Reads need none; writes need an editor or admin"
                + " key; managing keys needs an admin key.")
public class KeyResource {

    @Inject
    KeyService keys;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    /** Lists keys without their secrets. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ListFormat.TEXT_CSV, ListFormat.APPLICATION_NDJSON})
    @Operation(
            operationId = "listKeys",
            summary = "List API keys",
            description = "Every key, revoked ones"
                    + " included, oldest first, with name, role, creation, last use and revocation; never the secret.")
    public RestResponse<Page<KeyResponse>> list(@BeanParam PageParams page) {
        return Responses.list(page, keys::list, KeyResponse.class, uri, headers);
    }

    /** Reads one key without its secret. */
    @GET
    @Path("{id}")
    @Operation(operationId = "getKey", summary = "Get an API key", description = "The key without its secret.")
    public KeyResponse get(@PathParam("id") UUID id) {
        return keys.get(id);
    }

    /** Creates a key and shows its secret once. */
    @POST
    @Operation(
            operationId = "createKey",
            summary = "Create an API key",
            description = "Answers with the secret," + " the only time it is shown: only its hash is stored.")
    @APIResponse(responseCode = "201", description = "Created; secret holds the key to send as a bearer token")
    public RestResponse<KeyResponse> create(KeyRequest body) {
        KeyResponse created = keys.create(body);
        return RestResponse.ResponseBuilder.<KeyResponse>created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(created)
                .build();
    }

    /** Revokes a key at once. */
    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "revokeKey",
            summary = "Revoke an API key",
            description =
                    "The key is refused from"
                            + " the next request on. It stays listed with revokedAt. The last active admin key cannot be revoked (409).")
    @APIResponse(responseCode = "204", description = "Revoked")
    public void revoke(@PathParam("id") UUID id) {
        keys.revoke(id);
    }
}
