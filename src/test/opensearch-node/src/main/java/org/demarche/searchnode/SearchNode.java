package org.demarche.searchnode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node in this JVM, with the plugins Demarche needs (HTTP and transport over Netty, and
 * the common analysis filters: stemming, ASCII folding, shingles). Arguments: the home directory, the
 * HTTP port, the transport port, the cluster name, and for a cluster of several nodes the transport
 * addresses to join (comma-separated) and the names of the first cluster-manager nodes; the system
 * property {@code searchnode.roles} gives the node's roles (all by default).
 */
public final class SearchNode extends Node {

    private SearchNode(Settings settings) {
        super(InternalSettingsPreparer.prepareEnvironment(settings, java.util.Map.of(), null, () -> "demarche-node"),
                List.of(Netty4Plugin.class, CommonAnalysisPlugin.class), true);
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(home.resolve("config"));
        String seeds = args.length > 4 ? args[4] : "";
        Settings.Builder settings = Settings.builder()
                .put("path.home", home.toString())
                .put("node.name", "node-" + args[1])
                .put("cluster.name", args[3])
                .put("network.host", "127.0.0.1")
                .put("http.port", args[1])
                .put("transport.port", args[2])
                // Tests fill disks on shared machines: never turn an index read-only for that.
                .put("cluster.routing.allocation.disk.threshold_enabled", false);
        String roles = System.getProperty("searchnode.roles", "");
        if (!roles.isEmpty()) {
            settings.putList("node.roles", List.of(roles.split(",")));
        }
        if (seeds.isEmpty()) {
            settings.put("discovery.type", "single-node");
        } else {
            settings.putList("discovery.seed_hosts", List.of(seeds.split(",")));
            settings.putList("cluster.initial_cluster_manager_nodes", List.of(args.length > 5 ? args[5].split(",") : new String[0]));
        }
        SearchNode node = new SearchNode(settings.build());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }));
        node.start();
        stopped.await();
    }
}
