package org.demarche.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.demarche.common.http.MergePatch;
import org.demarche.common.http.Responses;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.key.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EDITOR)
@SecurityRequirement(name = "apiKey")
@Tag(
        name = "Subscriptions",
        description = "Webhook subscriptions and their delivery logs: a key sees its own, an admin key every one"
                + " (docs/api.md#webhook-subscriptions)")
public class SubscriptionResource {

    @Inject
    SubscriptionService subscriptions;

    @Inject
    Pings pings;

    @Inject
    Deliveries deliveries;

    @Inject
    SecurityIdentity identity;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            operationId = "listSubscriptions",
            summary = "List subscriptions",
            description = "The key's own subscriptions (every one for an admin key), oldest first, without secrets.")
    public RestResponse<Page<SubscriptionResponse>> list(@BeanParam PageParams page) {
        return Responses.page(subscriptions.list(Caller.of(identity), page), uri);
    }

    @GET
    @Path("{id}")
    @Operation(
            operationId = "getSubscription",
            summary = "Get a subscription",
            description = "Without its secret; another key's subscription is a 404 unless the key is an admin's.")
    public RestResponse<SubscriptionResponse> get(@PathParam("id") UUID id) {
        return Responses.ok(subscriptions.get(Caller.of(identity), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createSubscription",
            summary = "Subscribe",
            description = "Checks the URL (http or https, resolving to public addresses only) and the event types,"
                    + " and answers with the signing secret, the only time it is shown.")
    @APIResponse(responseCode = "201", description = "Created; secret signs its deliveries")
    public RestResponse<SubscriptionResponse> create(SubscriptionRequest body) {
        return Responses.created(subscriptions.create(Caller.of(identity), body), uri);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(
            operationId = "updateSubscription",
            summary = "Change a subscription",
            description = "JSON Merge Patch (RFC 7396) over url, events and filter, checked as when subscribing,"
                    + " fields it does not change included (a filter naming a topic or official deleted since is a"
                    + " 422 naming the field, which the same PATCH may drop); the secret, the delivery log and the deliveries already planned stay. If-Match with the"
                    + " ETag of a GET refuses the change (412) if the subscription changed meanwhile.")
    public RestResponse<SubscriptionResponse> patch(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MergePatch.MEDIA_TYPE,
                                            schema = @Schema(type = SchemaType.OBJECT),
                                            examples =
                                                    @ExampleObject(
                                                            name = "events",
                                                            value = "{\"events\": [\"statement.created\"],"
                                                                    + " \"filter\": {\"q\": \"ceasefire\"}}")))
                    JsonNode patch) {
        return Responses.ok(subscriptions.patch(Caller.of(identity), id, patch, ifMatch));
    }

    @POST
    @Path("{id}/secret")
    @Operation(
            operationId = "rotateSubscriptionSecret",
            summary = "Rotate a subscription's secret",
            description = "Answers with a new secret, shown once. The previous one stays valid until"
                    + " previousSecretExpiresAt (24 hours by default), so receivers can switch without losing"
                    + " deliveries.")
    @APIResponse(responseCode = "200", description = "Rotated; secret is the new one")
    public RestResponse<SubscriptionResponse> rotateSecret(@PathParam("id") UUID id) {
        return Responses.ok(subscriptions.rotateSecret(Caller.of(identity), id));
    }

    @POST
    @Path("{id}/ping")
    @Operation(
            operationId = "pingSubscription",
            summary = "Send a subscription a ping",
            description = "POSTs a signed ping event to the URL now, as a delivery would be sent, and answers"
                    + " what became of it (200 whether or not the receiver took it). Not retried, not stored.")
    public PingResponse ping(@PathParam("id") UUID id) {
        return pings.ping(Caller.of(identity), id);
    }

    @POST
    @Path("{id}/enable")
    @Operation(
            operationId = "enableSubscription",
            summary = "Enable a disabled subscription",
            description = "A subscription whose deliveries failed for 24 hours is disabled (disabledAt,"
                    + " disabledReason). Enabling it sends its pending deliveries at once, in order, with a new"
                    + " day of retries; changes committed while it was disabled are not sent (read them from"
                    + " /api/v1/changes). Enabling an enabled subscription changes nothing.")
    public RestResponse<SubscriptionResponse> enable(@PathParam("id") UUID id) {
        return Responses.ok(deliveries.enable(Caller.of(identity), id));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(
            operationId = "listDeliveries",
            summary = "List a subscription's deliveries",
            description = "The delivery log, newest first: each change sent or to send, its status, attempts, the"
                    + " last answer's status and time, and the next try. Delivered entries are kept for 7 days by"
                    + " default.")
    public RestResponse<Page<DeliveryResponse>> listDeliveries(
            @PathParam("id") UUID id,
            @Parameter(description = "Only deliveries with this status") @QueryParam("status") DeliveryStatus status,
            @BeanParam PageParams page) {
        return Responses.page(deliveries.list(Caller.of(identity), id, status, page), uri);
    }

    @GET
    @Path("{id}/deliveries/{deliveryId}")
    @Operation(
            operationId = "getDelivery",
            summary = "Get a delivery",
            description = "One entry of the delivery log, with the body it is sent with.")
    public RestResponse<DeliveryResponse> getDelivery(
            @PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Responses.ok(deliveries.get(Caller.of(identity), id, deliveryId));
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @Operation(
            operationId = "redeliver",
            summary = "Send a delivery again",
            description = "Queues the delivery to be sent now with the same id and body, delivered or not, with"
                    + " its attempts counted afresh. It goes before the subscription's other pending"
                    + " deliveries. It does not put off disabling: failures still count from the first"
                    + " failed attempt of a pending delivery. 409 while the subscription is disabled.")
    @APIResponse(responseCode = "202", description = "Queued; the delivery log shows what becomes of it")
    public RestResponse<DeliveryResponse> redeliver(
            @PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Responses.accepted(deliveries.redeliver(Caller.of(identity), id, deliveryId));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteSubscription", summary = "Unsubscribe", description = "Deletes it at once.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id) {
        subscriptions.delete(Caller.of(identity), id);
    }
}
