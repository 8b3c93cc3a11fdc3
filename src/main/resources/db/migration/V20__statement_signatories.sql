-- Joint statements (org.demarche.statement): the other officials a statement also speaks for, in order,
-- beside its official (the first signatory). A statement without signatories has no rows here.

create table statement_signatory (
    statement_id    uuid not null references statement (id) on delete cascade,
    ord             integer not null,
    official_id     uuid not null references official (id),
    primary key (statement_id, ord)
);
create index statement_signatory_official_idx on statement_signatory (official_id);

create table statement_signatory_aud (
    statement_id    uuid not null,
    ord             integer not null,
    official_id     uuid not null,
    rev             bigint not null references revision (id),
    revtype         smallint,
    primary key (rev, statement_id, ord, official_id)
);
