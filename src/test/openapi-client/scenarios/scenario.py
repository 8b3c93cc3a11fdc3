"""The client check's scenario with the generated Python client: scenario.py <base URL> <key>."""
import json
import sys
import uuid

from demarche_client import ApiClient, Configuration, OfficialInput, OfficialPatch, Problem
from demarche_client.api.officials_api import OfficialsApi
from demarche_client.api.statements_api import StatementsApi
from demarche_client.exceptions import ApiException


def check(ok, what):
    if not ok:
        raise AssertionError(what)


def problem(call, status):
    try:
        call()
    except ApiException as e:
        check(e.status == status, f"status {e.status}, expected {status}")
        p = e.data if isinstance(e.data, Problem) else Problem.from_json(e.body)
        check(isinstance(p, Problem), f"not a Problem: {p!r}")
        check(p.status == status, f"problem status {p.status}")
        check(p.title, "problem without title")
        check(p.detail, "problem without detail")
        return p
    raise AssertionError(f"no {status}")


def describe(p):
    return f"{p.status} | {p.type} | {p.title} | {p.detail}"


base, key = sys.argv[1], sys.argv[2]
client = ApiClient(Configuration(host=base, access_token=key))
officials, statements = OfficialsApi(client), StatementsApi(client)

russians = officials.list_officials(country="RU")
check(russians.total > 0, "officials of RU: none")
check(all(o.country == "RU" for o in russians.items), "an official not of RU")
print(f"list officials country=RU: {russians.total}, first {russians.items[0].name}")

found = statements.list_statements(q="ceasefire")
check(found.total > 0, "no statement about a ceasefire")
check("<mark>" in found.items[0].highlight, "no highlight")
print(f"search statements q=ceasefire: {found.total}, highlight {found.items[0].highlight}")

name = "Client Check " + uuid.uuid4().hex[:8]
created = officials.create_official(OfficialInput(name=name, country="FR"))
read = officials.get_official_with_http_info(created.id)
official = read.data
check(official.name == name, f"read back {official.name}")
check(official.title is None, f"title {official.title}")
etag = read.headers["ETag"]
print(f"created and read {official.id} {official.name}, ETag {etag}")

updated = officials.update_official(official.id, OfficialPatch(title="Minister of Client Checks"), if_match=etag)
check(updated.title == "Minister of Client Checks", f"title after update {updated.title}")
check(updated.version > official.version, "version did not grow")
print(f"updated with If-Match: title {updated.title}, version {updated.version}")

missing = problem(lambda: officials.get_official(uuid.uuid4()), 404)
check(missing.type.endswith("/not-found"), f"404 type {missing.type}")
print("404: " + describe(missing))

invalid = problem(lambda: officials.create_official(OfficialInput(name=name, country="ZZ")), 422)
check(invalid.type.endswith("/validation"), f"422 type {invalid.type}")
check(invalid.errors, "422 without errors")
print("422: " + describe(invalid) + f" errors {invalid.errors[0].var_field}")
print("python scenario: OK")
