-- POST answers kept for 24 hours, so that a retry carrying the same Idempotency-Key gets the first
-- answer again instead of writing twice (org.demarche.idempotency). id is the SHA-256 of the caller's
-- scope (its API key's hash, or its address) and the key; status is null while the first request is
-- under way; body is the answer's JSON.
create table idempotent_request (
    id              varchar(64) primary key,
    fingerprint     varchar(64) not null,
    started_at      timestamp(6) with time zone not null,
    status          integer,
    content_type    varchar(200),
    location        varchar(2000),
    etag            varchar(200),
    body            varchar(1000000)
);
create index idempotent_request_started_at on idempotent_request (started_at);
