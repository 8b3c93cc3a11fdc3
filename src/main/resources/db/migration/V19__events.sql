-- Events (org.demarche.event): occasions statements were made at (a briefing, an interview, a meeting,
-- a call), as primary sources such as transcripts and readouts report them; and what a statement keeps
-- of its event: the event, its place in it, the speaker as printed, the role spoken in, and the question
-- it answers. Officials get a kind: a person, or an organisation speaking as one (a ministry).

alter table official add column kind varchar(20) default 'person' not null;
alter table official_aud add column kind varchar(20);
update official_aud set kind = 'person';

create table event (
    id              uuid primary key,
    version         bigint not null,
    created_at      timestamp(6) with time zone not null,
    updated_at      timestamp(6) with time zone not null,
    kind            varchar(20) not null,
    title           varchar(500) not null,
    held_on         varchar(10) not null,
    held_on_start   date not null,
    held_on_end     date not null,
    venue           varchar(500),
    host_id         uuid references official (id)
);
create index event_held_on_idx on event (held_on_start, id);
create index event_created_idx on event (created_at, id);
create index event_updated_idx on event (updated_at, id);
create index event_host_idx on event (host_id);

create table event_participant (
    event_id        uuid not null references event (id) on delete cascade,
    ord             integer not null,
    official_id     uuid not null references official (id),
    primary key (event_id, ord)
);
create index event_participant_official_idx on event_participant (official_id);

create table event_source (
    event_id        uuid not null references event (id) on delete cascade,
    source_id       uuid not null references source (id),
    primary key (event_id, source_id)
);
create index event_source_source_idx on event_source (source_id);

create table event_aud (
    id              uuid not null,
    rev             bigint not null references revision (id),
    revtype         smallint,
    version         bigint,
    created_at      timestamp(6) with time zone,
    updated_at      timestamp(6) with time zone,
    kind            varchar(20),
    title           varchar(500),
    held_on         varchar(10),
    held_on_start   date,
    held_on_end     date,
    venue           varchar(500),
    host_id         uuid,
    primary key (rev, id)
);
create index event_aud_id_idx on event_aud (id, rev);

create table event_participant_aud (
    event_id        uuid not null,
    ord             integer not null,
    official_id     uuid not null,
    rev             bigint not null references revision (id),
    revtype         smallint,
    primary key (rev, event_id, ord, official_id)
);

create table event_source_aud (
    event_id        uuid not null,
    source_id       uuid not null,
    rev             bigint not null references revision (id),
    revtype         smallint,
    primary key (rev, event_id, source_id)
);

-- Two statements of one event may not share a place in it; statements without an event or without a
-- place are not counted (nulls are distinct in unique indexes on both databases).
alter table statement add column event_id uuid;
alter table statement add column event_order integer;
alter table statement add column attribution varchar(200);
alter table statement add column speaker_role varchar(200);
alter table statement add column reply_question varchar(2000);
alter table statement add column reply_asker varchar(200);
alter table statement add constraint statement_event_fk foreign key (event_id) references event (id);
create unique index statement_event_order_key on statement (event_id, event_order);

alter table statement_aud add column event_id uuid;
alter table statement_aud add column event_order integer;
alter table statement_aud add column attribution varchar(200);
alter table statement_aud add column speaker_role varchar(200);
alter table statement_aud add column reply_question varchar(2000);
alter table statement_aud add column reply_asker varchar(200);
