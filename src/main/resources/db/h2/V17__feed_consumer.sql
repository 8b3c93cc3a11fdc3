-- Followers of the change feed (org.demarche.record.FeedLease), as on PostgreSQL since V12: on H2 the
-- webhook deliveries follow it (one instance, but the same code).
create table feed_consumer (
    name         varchar(64) primary key,
    owner        varchar(64),
    lease_until  timestamp with time zone,
    position     bigint not null default 0,
    database_key uuid not null default random_uuid()
);
