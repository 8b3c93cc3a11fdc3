-- Demarche schema. Runs unchanged on H2 (2.x) and PostgreSQL (15+); Hibernate only validates it.

create table official (
    id              uuid primary key,
    version         bigint not null,
    created_at      timestamp(6) with time zone not null,
    updated_at      timestamp(6) with time zone not null,
    name            varchar(200) not null,
    country         varchar(2) not null,
    title           varchar(200),
    organization    varchar(200),
    wikidata_id     varchar(20),
    constraint official_wikidata_id_key unique (wikidata_id)
);
create index official_name_idx on official (name, id);
create index official_country_idx on official (country, id);

create table official_alias (
    official_id     uuid not null references official (id) on delete cascade,
    ord             integer not null,
    alias_name      varchar(200) not null,
    primary key (official_id, ord)
);

create table official_office (
    official_id     uuid not null references official (id) on delete cascade,
    ord             integer not null,
    title           varchar(200) not null,
    organization    varchar(200),
    country         varchar(2),
    start_date      varchar(10),
    end_date        varchar(10),
    primary key (official_id, ord)
);

create table topic (
    id              uuid primary key,
    version         bigint not null,
    created_at      timestamp(6) with time zone not null,
    updated_at      timestamp(6) with time zone not null,
    slug            varchar(100) not null,
    name            varchar(200) not null,
    description     varchar(2000),
    parent_id       uuid references topic (id),
    constraint topic_slug_key unique (slug)
);
create index topic_parent_idx on topic (parent_id);

create table topic_code (
    topic_id        uuid not null references topic (id) on delete cascade,
    scheme          varchar(50) not null,
    code            varchar(100) not null,
    primary key (topic_id, scheme)
);

create table source (
    id              uuid primary key,
    version         bigint not null,
    created_at      timestamp(6) with time zone not null,
    updated_at      timestamp(6) with time zone not null,
    url             varchar(2000) not null,
    outlet          varchar(200) not null,
    title           varchar(500),
    published_at    varchar(10),
    language        varchar(35),
    citing          varchar(500),
    archive_url     varchar(2000),
    retrieved_at    timestamp(6) with time zone,
    constraint source_url_key unique (url)
);
create index source_outlet_idx on source (outlet, id);

create table source_author (
    source_id       uuid not null references source (id) on delete cascade,
    ord             integer not null,
    author          varchar(200) not null,
    primary key (source_id, ord)
);

create table statement (
    id              uuid primary key,
    version         bigint not null,
    created_at      timestamp(6) with time zone not null,
    updated_at      timestamp(6) with time zone not null,
    official_id     uuid not null references official (id),
    body            varchar(10000) not null,
    quote_type      varchar(20) not null,
    language        varchar(35),
    stated_on       varchar(10) not null,
    stated_on_start date not null,
    stated_on_end   date not null,
    venue           varchar(500),
    medium          varchar(20),
    verification    varchar(20) not null,
    notes           varchar(5000)
);
create index statement_official_idx on statement (official_id, stated_on_start, id);
create index statement_stated_on_idx on statement (stated_on_start, id);
create index statement_created_idx on statement (created_at, id);
create index statement_updated_idx on statement (updated_at, id);

create table statement_topic (
    statement_id    uuid not null references statement (id) on delete cascade,
    topic_id        uuid not null references topic (id),
    primary key (statement_id, topic_id)
);
create index statement_topic_topic_idx on statement_topic (topic_id);

create table statement_source (
    statement_id    uuid not null references statement (id) on delete cascade,
    source_id       uuid not null references source (id),
    primary key (statement_id, source_id)
);
create index statement_source_source_idx on statement_source (source_id);

create table statement_mention (
    statement_id    uuid not null references statement (id) on delete cascade,
    ord             integer not null,
    mention         varchar(36) not null,
    primary key (statement_id, ord)
);
create index statement_mention_idx on statement_mention (mention);

create table official_position (
    id              uuid primary key,
    version         bigint not null,
    created_at      timestamp(6) with time zone not null,
    updated_at      timestamp(6) with time zone not null,
    official_id     uuid not null references official (id),
    topic_id        uuid not null references topic (id),
    stance          varchar(20) not null,
    label           varchar(200),
    valid_from      varchar(10) not null,
    valid_from_start date not null,
    valid_to        varchar(10),
    valid_to_start  date
);
create index position_official_topic_idx on official_position (official_id, topic_id, valid_from_start);
create index position_topic_idx on official_position (topic_id);

create table position_condition (
    position_id     uuid not null references official_position (id) on delete cascade,
    ord             integer not null,
    condition_text  varchar(500) not null,
    primary key (position_id, ord)
);

create table position_evidence (
    position_id     uuid not null references official_position (id) on delete cascade,
    ord             integer not null,
    statement_id    uuid not null references statement (id),
    relation        varchar(20) not null,
    primary key (position_id, ord)
);
create index position_evidence_statement_idx on position_evidence (statement_id);
