package org.demarche.key;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import org.demarche.common.http.BearerKey;

/** Reads {@code Authorization: Bearer <key>} (see {@link BearerKey}); a request without one is anonymous, which reads allow. */
@ApplicationScoped
public class BearerKeyMechanism implements HttpAuthenticationMechanism {

    public static final String CHALLENGE = "Bearer realm=\"demarche\"";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Optional<String> key;
        try {
            key = BearerKey.of(context.request().getHeader("Authorization"));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException(e.getMessage()));
        }
        if (key.isEmpty()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return identities.authenticate(new TokenAuthenticationRequest(new TokenCredential(key.get(), "bearer")));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }
}
