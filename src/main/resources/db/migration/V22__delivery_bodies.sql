-- A change's webhook body is stored once, in delivery_body, not once per subscription that gets it (about
-- eleven copies a change at 50 writes a second and 1 000 subscriptions, rewritten with each delivery's
-- outcome). What differs per delivery (its id, event and subscription) stays in delivery; the body sent is
-- {"id":"<delivery id>","type":"<event>","createdAt":"<created_at>","subscriptionId":"<subscription>",<rest>
-- (org.demarche.subscription.DeliveryBody), the same bytes as the payload column held.
create table delivery_body (
    id          uuid primary key,
    created_at  varchar(40) not null,
    rest        varchar(1000000) not null
);

-- Each delivery planned before this migration gets a body of its own, with its id, cut from its payload:
-- {"id":…,"type":…,"createdAt":"<created_at>","subscriptionId":…,<rest, from "revision" on>.
insert into delivery_body (id, created_at, rest)
select id,
       substring(payload from position('"createdAt":"' in payload) + 13
                 for position('","subscriptionId":' in payload) - position('"createdAt":"' in payload) - 13),
       substring(payload from position('"revision":' in payload))
from delivery;
-- What every body is, checked on the existing ones too: a payload not of that form stops the migration.
alter table delivery_body add constraint delivery_body_rest check (rest like '"revision":%}');

alter table delivery add column body_id uuid;
update delivery set body_id = id;
alter table delivery alter column body_id set not null;
-- No foreign key: deleting a subscription drops the bodies only its deliveries have before the deliveries go
-- with it (H2 has no deferred constraints). Bodies are only ever dropped when no delivery has them.
-- For dropping a body once no delivery has it.
create index delivery_body_id on delivery (body_id);
alter table delivery drop column payload;
