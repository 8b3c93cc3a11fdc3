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

/** Reads {@code Authorization: Bearer <key>}; a request without one is anonymous, which reads allow. */
@ApplicationScoped
public class BearerKeyMechanism implements HttpAuthenticationMechanism {

    static final String CHALLENGE = "Bearer realm=\"demarche\"";
    private static final String SCHEME = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || header.length() == SCHEME.length()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Authorization must be 'Bearer <key>'"));
        }
        String secret = header.substring(SCHEME.length()).trim();
        return identities.authenticate(new TokenAuthenticationRequest(new TokenCredential(secret, "bearer")));
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
