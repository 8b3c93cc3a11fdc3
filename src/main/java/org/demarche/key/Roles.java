package org.demarche.key;

/** Names of the security roles that {@code @RolesAllowed} checks. */
public final class Roles {

    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    private Roles() {}
}
