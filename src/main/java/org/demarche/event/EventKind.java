package org.demarche.event;

/** What kind of occasion an event is. Constants are named as they travel. */
public enum EventKind {
    briefing,
    press_conference,
    interview,
    meeting,
    call,
    summit,
    speech,
    other
}
