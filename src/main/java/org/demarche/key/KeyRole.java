package org.demarche.key;

import java.util.Set;

/** What a key may do. Constants are named as they travel. */
public enum KeyRole {
    /** Creates, changes and deletes data. */
    editor,
    /** Everything an editor may do, and manages keys. */
    admin;

    /** The security roles a key of this role holds. */
    public Set<String> grants() {
        return this == admin ? Set.of(Roles.ADMIN, Roles.EDITOR) : Set.of(Roles.EDITOR);
    }
}
