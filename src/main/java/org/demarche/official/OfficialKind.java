package org.demarche.official;

/** Whether an official is a person or speaks as a body. Constants are named as they travel. */
public enum OfficialKind {
    /** A person: a minister, a spokesperson, a head of state. */
    person,
    /** A ministry, a government or an international body speaking as one ("Russian Foreign Ministry"). */
    organisation
}
