// The client check's scenario with the generated TypeScript (fetch) client: node scenario.js <base URL> <key>.
import { randomUUID } from "node:crypto";
import { Configuration, OfficialsApi, StatementsApi, ResponseError, Problem, ProblemFromJSON } from "./index";

function check(ok: boolean, what: string): void {
    if (!ok) {
        throw new Error(what);
    }
}

async function problem(call: () => Promise<unknown>, status: number): Promise<Problem> {
    try {
        await call();
    } catch (e) {
        check(e instanceof ResponseError, `not a ResponseError: ${e}`);
        const response = (e as ResponseError).response;
        check(response.status === status, `status ${response.status}, expected ${status}`);
        const p: Problem = ProblemFromJSON(await response.json());
        check(p.status === status, `problem status ${p.status}`);
        check(p.title.length > 0, "problem without title");
        check(!!p.detail, "problem without detail");
        return p;
    }
    throw new Error(`no ${status}`);
}

const describe = (p: Problem) => `${p.status} | ${p.type} | ${p.title} | ${p.detail}`;

async function main(): Promise<void> {
    const [base, key] = process.argv.slice(2);
    const configuration = new Configuration({ basePath: base, accessToken: key });
    const officials = new OfficialsApi(configuration);
    const statements = new StatementsApi(configuration);

    const russians = await officials.listOfficials({ country: "RU" });
    check(russians.total > 0, "officials of RU: none");
    check(russians.items.every((o) => o.country === "RU"), "an official not of RU");
    console.log(`list officials country=RU: ${russians.total}, first ${russians.items[0].name}`);

    const found = await statements.listStatements({ q: "ceasefire" });
    check(found.total > 0, "no statement about a ceasefire");
    check((found.items[0].highlight ?? "").includes("<mark>"), "no highlight");
    console.log(`search statements q=ceasefire: ${found.total}, highlight ${found.items[0].highlight}`);

    const name = "Client Check " + randomUUID().substring(0, 8);
    const created = await officials.createOfficial({ officialInput: { name, country: "FR" } });
    const read = await officials.getOfficialRaw({ id: created.id });
    const official = await read.value();
    check(official.name === name, `read back ${official.name}`);
    check(official.title === null, `title ${official.title}`);
    const etag = read.raw.headers.get("ETag") ?? "";
    check(etag.length > 0, "no ETag");
    console.log(`created and read ${official.id} ${official.name}, ETag ${etag}`);

    const updated = await officials.updateOfficial({
        id: official.id,
        officialPatch: { title: "Minister of Client Checks" },
        ifMatch: etag,
    });
    check(updated.title === "Minister of Client Checks", `title after update ${updated.title}`);
    check(updated.version > official.version, "version did not grow");
    console.log(`updated with If-Match: title ${updated.title}, version ${updated.version}`);

    const missing = await problem(() => officials.getOfficial({ id: randomUUID() }), 404);
    check(missing.type.endsWith("/not-found"), `404 type ${missing.type}`);
    console.log("404: " + describe(missing));

    const invalid = await problem(
        () => officials.createOfficial({ officialInput: { name, country: "ZZ" } }),
        422,
    );
    check(invalid.type.endsWith("/validation"), `422 type ${invalid.type}`);
    check((invalid.errors ?? []).length > 0, "422 without errors");
    console.log("422: " + describe(invalid) + ` errors ${invalid.errors![0].field}`);
    console.log("typescript scenario: OK");
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
