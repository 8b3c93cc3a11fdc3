-- Followers of the change feed (history revisions) that keep something outside the database in step
-- with it, such as the OpenSearch index. One instance at a time follows: it holds the lease until
-- lease_until and renews it; once expired, another instance takes it over. position is the revision
-- whose changes the follower has handled, stored after each batch. database_key is this database's
-- own: an index written from another database (a new one, same index name) is rebuilt, not followed.
create table feed_consumer (
    name         varchar(64) primary key,
    owner        varchar(64),
    lease_until  timestamp with time zone,
    position     bigint not null default 0,
    database_key uuid not null default gen_random_uuid()
);
insert into feed_consumer (name) values ('statement-search');
