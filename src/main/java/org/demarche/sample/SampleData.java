package org.demarche.sample;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.demarche.official.OfficeTerm;
import org.demarche.official.Official;
import org.demarche.official.OfficialKind;
import org.demarche.official.OfficialRequest;
import org.demarche.official.OfficialService;
import org.demarche.position.EvidenceLink;
import org.demarche.position.EvidenceRelation;
import org.demarche.position.PositionRequest;
import org.demarche.position.PositionService;
import org.demarche.position.Stance;
import org.demarche.record.ChangeClock;
import org.demarche.source.Source;
import org.demarche.source.SourceRequest;
import org.demarche.source.SourceService;
import org.demarche.statement.Medium;
import org.demarche.statement.QuoteType;
import org.demarche.statement.StatementRequest;
import org.demarche.statement.StatementService;
import org.demarche.statement.Verification;
import org.demarche.topic.Topic;
import org.demarche.topic.TopicRequest;
import org.demarche.topic.TopicService;
import org.jboss.logging.Logger;

/**
 * Seeds an empty database with records modelled by hand on the sample article (Caliber.Az, citing
 * Russian media, on Lavrov's remarks about possible Ukraine negotiations), so a new user has data to
 * query. It goes through the services, so the sample obeys every rule a client's data does.
 */
@ApplicationScoped
public class SampleData {

    private static final Logger LOG = Logger.getLogger(SampleData.class);

    static final String ARTICLE_URL =
            "https://caliber.az/en/post/fm-lavrov-emphasizes-russia-s-national-interests-in-potential-ukraine-negotiations";
    private static final String STATED_ON = "2024-11";
    private static final String VENUE = "Interview on Russian TV";

    @Inject
    SampleDataConfig config;

    @Inject
    OfficialService officials;

    @Inject
    TopicService topics;

    @Inject
    SourceService sources;

    @Inject
    StatementService statements;

    @Inject
    PositionService positions;

    void onStart(@Observes StartupEvent event) {
        if (config.enabled() && loadIfEmpty()) {
            LOG.info(
                    "Loaded the sample records of the Caliber.Az article on Lavrov (set DEMARCHE_SAMPLE_DATA=false to skip)");
        }
    }

    /**
     * Loads the sample unless the database already holds officials, topics or sources; true if it loaded.
     * Instances that start together on an empty database load it once: each takes the change clock first.
     */
    @Transactional
    public boolean loadIfEmpty() {
        ChangeClock.take(Official.getSession());
        if (Official.count() > 0 || Topic.count() > 0 || Source.count() > 0) {
            return false;
        }
        UUID lavrov = officials
                .create(new OfficialRequest(
                        "Sergei Lavrov",
                        OfficialKind.person,
                        List.of("Sergey Lavrov", "Lavrov"),
                        "RU",
                        "Minister of Foreign Affairs",
                        "Ministry of Foreign Affairs of the Russian Federation",
                        "Q182003",
                        List.of(new OfficeTerm(
                                "Minister of Foreign Affairs",
                                "Ministry of Foreign Affairs of the Russian Federation",
                                "RU",
                                "2004-03-09",
                                null))))
                .id();
        UUID putin = officials
                .create(new OfficialRequest(
                        "Vladimir Putin",
                        OfficialKind.person,
                        List.of("Putin"),
                        "RU",
                        "President",
                        "Government of the Russian Federation",
                        "Q7747",
                        List.of(new OfficeTerm(
                                "President", "Government of the Russian Federation", "RU", "2012-05-07", null))))
                .id();
        UUID trump = officials
                .create(new OfficialRequest(
                        "Donald Trump",
                        OfficialKind.person,
                        List.of("Trump"),
                        "US",
                        "President-elect",
                        "Government of the United States",
                        "Q22686",
                        List.of()))
                .id();

        UUID negotiations = topics.create(new TopicRequest(
                        "ukraine-negotiations",
                        "Ukraine negotiations",
                        "Talks on ending the Russia-Ukraine war and the terms for them",
                        null,
                        Map.of()))
                .id();
        UUID ceasefire = topics.create(new TopicRequest(
                        "ceasefire",
                        "Ceasefire",
                        "A temporary or lasting halt to fighting in the Russia-Ukraine war",
                        negotiations,
                        Map.of("cameo", "0871")))
                .id();
        UUID aid = topics.create(new TopicRequest(
                        "western-military-aid",
                        "Western military aid",
                        "Military and diplomatic backing of Ukraine by Western governments",
                        null,
                        Map.of()))
                .id();

        UUID article = sources.create(new SourceRequest(
                        ARTICLE_URL,
                        "Caliber.Az",
                        "FM Lavrov emphasizes Russia's national interests in potential Ukraine negotiations",
                        List.of("Tamilla Hasanova"),
                        STATED_ON,
                        "en",
                        "Russian media",
                        null,
                        Instant.parse("2024-11-25T10:00:00Z")))
                .id();

        UUID proposals = said(
                lavrov,
                QuoteType.direct_quote,
                "We need to see serious concrete proposals when they come"
                        + " to us. And, of course, we will make decisions on the reaction to these proposals, based on national"
                        + " interests, the goals of the special military operation, and the president's speech to the Foreign"
                        + " Ministry on 14 June this year.",
                List.of(negotiations),
                article,
                List.of("UA"));
        UUID noProposals = said(
                lavrov,
                QuoteType.paraphrase,
                "No proposals have been received from Kyiv so far;"
                        + " Russia is waiting for Ukraine to take the first step towards serious negotiations.",
                List.of(negotiations),
                article,
                List.of("UA"));
        UUID notRuledOut = said(
                lavrov,
                QuoteType.paraphrase,
                "Both the Russian Foreign Ministry and President"
                        + " Vladimir Putin have stated that Russia has not ruled out negotiations with Ukraine.",
                List.of(negotiations),
                article,
                List.of("UA", putin.toString()));
        UUID ceasefireQuote = said(
                lavrov,
                QuoteType.direct_quote,
                "A ceasefire will not suit us.",
                List.of(ceasefire),
                article,
                List.of("UA"));
        UUID binding = said(
                lavrov,
                QuoteType.direct_quote,
                "We need reliable, legally binding agreements.",
                List.of(ceasefire, negotiations),
                article,
                List.of("UA"));
        UUID truce = said(
                lavrov,
                QuoteType.paraphrase,
                "A truce would only give Kyiv an opportunity to regain its"
                        + " military potential with the help of the West, which is trying to achieve a strategic defeat of"
                        + " Russia.",
                List.of(ceasefire, aid),
                article,
                List.of("UA"));
        said(
                lavrov,
                QuoteType.partial_quote,
                "Moscow has \"no illusions\" about the difficulty of reaching a peaceful"
                        + " settlement of the Ukraine crisis.",
                List.of(negotiations),
                article,
                List.of("UA"));
        UUID consensus = said(
                lavrov,
                QuoteType.paraphrase,
                "There is a firm bipartisan consensus in the US"
                        + " government on continued support for Kyiv, including after the election of President Donald Trump.",
                List.of(aid),
                article,
                List.of("US", trump.toString()));

        positions.create(new PositionRequest(
                lavrov,
                ceasefire,
                Stance.opposes,
                "Ceasefire rejected",
                List.of("reliable, legally binding agreements"),
                STATED_ON,
                null,
                List.of(supporting(ceasefireQuote), supporting(binding), supporting(truce))));
        positions.create(new PositionRequest(
                lavrov,
                negotiations,
                Stance.conditional,
                "Open to talks on concrete proposals",
                List.of(
                        "serious concrete proposals from Kyiv",
                        "decisions based on national interests and the goals of the special military operation"),
                STATED_ON,
                null,
                List.of(supporting(proposals), supporting(noProposals), supporting(notRuledOut))));
        positions.create(new PositionRequest(
                lavrov,
                aid,
                Stance.opposes,
                "Western backing prolongs the war",
                List.of(),
                STATED_ON,
                null,
                List.of(supporting(truce), supporting(consensus))));
        return true;
    }

    private UUID said(
            UUID official, QuoteType quoteType, String text, List<UUID> topicIds, UUID source, List<String> mentions) {
        return statements
                .create(new StatementRequest(
                        official,
                        List.of(),
                        text,
                        quoteType,
                        "en",
                        STATED_ON,
                        VENUE,
                        Medium.interview,
                        topicIds,
                        List.of(source),
                        mentions,
                        Verification.unverified,
                        "Reported in English by Caliber.Az, citing Russian media",
                        null,
                        null,
                        null,
                        null,
                        null))
                .id();
    }

    private static EvidenceLink supporting(UUID statement) {
        return new EvidenceLink(statement, EvidenceRelation.supports);
    }
}
