-- Webhook subscriptions (org.demarche.subscription): each belongs to the API key that made it. The
-- signing secret is kept as it is, as the server needs it to sign deliveries with HMAC-SHA256; after a
-- rotation the previous secret stays valid until previous_secret_until. events is a comma-separated
-- list; filter is the subscription's filter as JSON.
create table subscription (
    id                      uuid primary key,
    version                 bigint not null,
    created_at              timestamp(6) with time zone not null,
    updated_at              timestamp(6) with time zone not null,
    key_id                  uuid not null references api_key (id),
    url                     varchar(2000) not null,
    events                  varchar(1000) not null,
    filter                  varchar(10000),
    secret                  varchar(100) not null,
    previous_secret         varchar(100),
    previous_secret_until   timestamp(6) with time zone,
    disabled_at             timestamp(6) with time zone,
    disabled_reason         varchar(1000)
);
create index subscription_key_id on subscription (key_id);
