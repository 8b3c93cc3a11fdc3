-- Rate-limit token buckets shared by every instance (Bucket4j's table layout): state is the
-- serialized bucket, expires_at the epoch millisecond after which the row may be deleted.
create table rate_limit_bucket (
    id              varchar(200) primary key,
    state           bytea,
    expires_at      bigint
);
create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
