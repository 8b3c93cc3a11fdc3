package org.demarche.clientcheck;

import java.util.List;
import java.util.UUID;
import org.demarche.client.ApiClient;
import org.demarche.client.ApiException;
import org.demarche.client.ApiResponse;
import org.demarche.client.JSON;
import org.demarche.client.api.OfficialsApi;
import org.demarche.client.api.StatementsApi;
import org.demarche.client.model.Official;
import org.demarche.client.model.OfficialInput;
import org.demarche.client.model.OfficialPatch;
import org.demarche.client.model.PageOfficialResponse;
import org.demarche.client.model.PageStatementResponse;
import org.demarche.client.model.Problem;

/** The client check's scenario with the generated Java client; run.sh runs it as: Scenario <base URL> <key>. */
public final class Scenario {

    public static void main(String[] args) throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(args[0]);
        String key = args[1];
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        OfficialsApi officials = new OfficialsApi(client);
        StatementsApi statements = new StatementsApi(client);

        PageOfficialResponse russians = officials.listOfficials(
                OfficialsApi.APIListOfficialsRequest.newBuilder().country("RU").build());
        check(russians.getTotal() > 0, "officials of RU: none");
        check(russians.getItems().stream().allMatch(o -> o.getCountry().equals("RU")), "an official not of RU");
        System.out.println("list officials country=RU: " + russians.getTotal() + ", first " + russians.getItems().get(0).getName());

        PageStatementResponse found = statements.listStatements(
                StatementsApi.APIListStatementsRequest.newBuilder().q("ceasefire").build());
        check(found.getTotal() > 0, "no statement about a ceasefire");
        check(found.getItems().get(0).getHighlight().contains("<mark>"), "no highlight");
        System.out.println("search statements q=ceasefire: " + found.getTotal() + ", highlight " + found.getItems().get(0).getHighlight());

        String name = "Client Check " + UUID.randomUUID().toString().substring(0, 8);
        Official created = officials.createOfficial(OfficialsApi.APICreateOfficialRequest.newBuilder()
                .officialInput(new OfficialInput().name(name).country("FR"))
                .build());
        check(created.getVersion() == 0 || created.getVersion() == 1, "version " + created.getVersion());
        ApiResponse<Official> read = officials.getOfficialWithHttpInfo(created.getId());
        Official official = read.getData();
        check(official.getName().equals(name), "read back " + official.getName());
        check(official.getTitle() == null, "title " + official.getTitle());
        String etag = read.getHeaders().get("etag").get(0);
        System.out.println("created and read " + official.getId() + " " + official.getName() + ", ETag " + etag);

        Official updated = officials.updateOfficial(OfficialsApi.APIUpdateOfficialRequest.newBuilder()
                .id(official.getId())
                .officialPatch(new OfficialPatch().title("Minister of Client Checks"))
                .ifMatch(etag)
                .build());
        check(updated.getTitle().equals("Minister of Client Checks"), "title after update " + updated.getTitle());
        check(updated.getVersion() > official.getVersion(), "version did not grow");
        System.out.println("updated with If-Match: title " + updated.getTitle() + ", version " + updated.getVersion());

        Problem missing = problem(() -> officials.getOfficial(UUID.randomUUID()), 404);
        check(missing.getType().endsWith("/not-found"), "404 type " + missing.getType());
        System.out.println("404: " + describe(missing));

        Problem invalid = problem(() -> officials.createOfficial(OfficialsApi.APICreateOfficialRequest.newBuilder()
                .officialInput(new OfficialInput().name(name).country("ZZ"))
                .build()), 422);
        check(invalid.getType().endsWith("/validation"), "422 type " + invalid.getType());
        check(!invalid.getErrors().isEmpty(), "422 without errors");
        System.out.println("422: " + describe(invalid) + " errors " + invalid.getErrors().get(0).getField());
        System.out.println("java scenario: OK");
    }

    interface Call {
        void run() throws ApiException;
    }

    private static Problem problem(Call call, int status) throws Exception {
        try {
            call.run();
        } catch (ApiException e) {
            check(e.getCode() == status, "status " + e.getCode() + ", expected " + status);
            Problem problem = JSON.getDefault().getMapper().readValue(e.getResponseBody(), Problem.class);
            check(problem.getStatus() == status, "problem status " + problem.getStatus());
            check(!problem.getTitle().isBlank(), "problem without title");
            check(problem.getDetail() != null && !problem.getDetail().isBlank(), "problem without detail");
            return problem;
        }
        throw new AssertionError("no " + status);
    }

    private static String describe(Problem p) {
        return String.join(" | ", List.of(String.valueOf(p.getStatus()), p.getType(), p.getTitle(), p.getDetail()));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    private Scenario() {}

}
