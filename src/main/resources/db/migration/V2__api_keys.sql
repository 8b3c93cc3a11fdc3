-- API keys: only a SHA-256 of each secret is stored.
create table api_key (
    id              uuid primary key,
    version         bigint not null,
    created_at      timestamp(6) with time zone not null,
    updated_at      timestamp(6) with time zone not null,
    name            varchar(200) not null,
    role            varchar(20) not null,
    secret_hash     varchar(64) not null,
    secret_prefix   varchar(20) not null,
    last_used_at    timestamp(6) with time zone,
    revoked_at      timestamp(6) with time zone,
    constraint api_key_secret_hash_key unique (secret_hash)
);
