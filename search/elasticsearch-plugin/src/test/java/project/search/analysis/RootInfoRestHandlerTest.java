package project.search.analysis;

import org.elasticsearch.cluster.ClusterName;
import org.elasticsearch.cluster.ClusterState;
import org.elasticsearch.cluster.metadata.Metadata;
import org.elasticsearch.common.bytes.BytesReference;
import org.elasticsearch.common.xcontent.XContentHelper;
import org.elasticsearch.rest.RestHandler.Route;
import org.elasticsearch.rest.RestRequest.Method;
import org.elasticsearch.xcontent.XContentBuilder;
import org.elasticsearch.xcontent.XContentType;
import org.elasticsearch.xcontent.json.JsonXContent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RootInfoRestHandlerTest {

    private static Map<String, Object> info(String nodeName, Metadata.Builder metadata) throws IOException {
        ClusterState state = ClusterState.builder(new ClusterName("project-dev")).metadata(metadata).build();
        XContentBuilder builder = JsonXContent.contentBuilder();
        RootInfoRestHandler.writeInfo(builder, nodeName, state);
        return XContentHelper.convertToMap(BytesReference.bytes(builder), true, XContentType.JSON).v2();
    }

    @Test
    void answersGetAndHeadOnTheRoot() {
        List<String> routes = new RootInfoRestHandler(() -> null).routes()
            .stream()
            .map(route -> route.getMethod() + " " + route.getPath())
            .toList();
        assertEquals(List.of(Method.GET + " /", Method.HEAD + " /"), routes);
    }

    @Test
    void bodyHasTheFieldsOfAStockRootAnswer() throws IOException {
        Map<String, Object> info = info("node-1", Metadata.builder().clusterUUID("uuid-1").clusterUUIDCommitted(true));
        assertEquals(List.of("name", "cluster_name", "cluster_uuid", "version", "tagline"), List.copyOf(info.keySet()));
        assertEquals("node-1", info.get("name"));
        assertEquals("project-dev", info.get("cluster_name"));
        assertEquals("uuid-1", info.get("cluster_uuid"));
        assertEquals("You Know, for Search", info.get("tagline"));
        @SuppressWarnings("unchecked")
        Map<String, Object> version = (Map<String, Object>) info.get("version");
        // The server jar the plugin is built against: the version clients read to choose their API.
        assertEquals("8.19.7", version.get("number"));
        assertEquals("9.12.2", version.get("lucene_version"));
        assertEquals(false, version.get("build_snapshot"));
        for (String key : List.of("build_flavor", "build_type", "build_hash", "build_date", "minimum_wire_compatibility_version",
            "minimum_index_compatibility_version")) {
            assertEquals(String.class, version.get(key).getClass(), key);
        }
    }

    @Test
    void clusterUuidIsNotAvailableUntilCommitted() throws IOException {
        Map<String, Object> info = info("node-1", Metadata.builder().clusterUUID("uuid-1").clusterUUIDCommitted(false));
        assertEquals("_na_", info.get("cluster_uuid"));
    }
}
