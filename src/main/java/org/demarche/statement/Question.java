package org.demarche.statement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The question a statement answers, and who asked it. */
@Embeddable
public class Question {

    @Column(name = "reply_question")
    public String question;

    @Column(name = "reply_asker")
    public String asker;
}
