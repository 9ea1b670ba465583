package project.search.analysis;

import org.elasticsearch.Build;
import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.cluster.ClusterState;
import org.elasticsearch.cluster.metadata.Metadata;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.index.IndexVersion;
import org.elasticsearch.rest.BaseRestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.xcontent.XContentBuilder;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import static org.elasticsearch.rest.RestRequest.Method.GET;
import static org.elasticsearch.rest.RestRequest.Method.HEAD;

/**
 * {@code GET /} and {@code HEAD /}, answered as a stock node answers them: node name, cluster name and
 * UUID, the version block and the tagline.
 *
 * <p>Why: the runnable distribution on Maven Central lacks the {@code rest-root} module, so {@code /}
 * answered 405 and the official clients' {@code info()} and {@code ping()}, and any tool that first
 * asks {@code /} which version it talks to, failed against the development node. Like the analysis
 * components, this belongs to stock Elasticsearch: never install the plugin next to {@code rest-root}.
 */
final class RootInfoRestHandler extends BaseRestHandler {

    private final Supplier<ClusterService> clusterService;

    /** @param clusterService the node's cluster service, which exists once the node has created its components */
    RootInfoRestHandler(Supplier<ClusterService> clusterService) {
        this.clusterService = clusterService;
    }

    @Override
    public String getName() {
        return "project_root_info_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(GET, "/"), new Route(HEAD, "/"));
    }

    @Override
    public boolean canTripCircuitBreaker() {
        // A health probe must get its answer even when the node is short of memory.
        return false;
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
        return channel -> {
            XContentBuilder builder = channel.newBuilder();
            // Stock pretty-prints this answer unless ?pretty=false.
            if (request.hasParam("pretty") == false) {
                builder.prettyPrint().lfAtEnd();
            }
            ClusterService cluster = clusterService.get();
            writeInfo(builder, cluster.getNodeName(), cluster.state());
            channel.sendResponse(new RestResponse(RestStatus.OK, builder));
        };
    }

    /** The body of stock's root answer for this node, from the server's own build information. */
    static void writeInfo(XContentBuilder builder, String nodeName, ClusterState state) throws IOException {
        Metadata metadata = state.metadata();
        Build build = Build.current();
        builder.startObject();
        builder.field("name", nodeName);
        builder.field("cluster_name", state.getClusterName().value());
        // Before the cluster has committed its UUID stock answers "_na_", never a UUID that may still change.
        builder.field("cluster_uuid", metadata.clusterUUIDCommitted() ? metadata.clusterUUID() : Metadata.UNKNOWN_CLUSTER_UUID);
        builder.startObject("version")
            .field("number", build.qualifiedVersion())
            .field("build_flavor", build.flavor())
            .field("build_type", build.type().displayName())
            .field("build_hash", build.hash())
            .field("build_date", build.date())
            .field("build_snapshot", build.isSnapshot())
            .field("lucene_version", IndexVersion.current().luceneVersion().toString())
            .field("minimum_wire_compatibility_version", build.minWireCompatVersion())
            .field("minimum_index_compatibility_version", build.minIndexCompatVersion())
            .endObject();
        builder.field("tagline", "You Know, for Search");
        builder.endObject();
    }
}
