package org.demarche.statement;

/** How a statement was made. Constants are named as they travel. */
public enum Medium {
    interview,
    press_conference,
    speech,
    social_media,
    official_statement,
    communique,
    other
}
