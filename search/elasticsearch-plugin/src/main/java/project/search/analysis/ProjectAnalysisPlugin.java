package project.search.analysis;

import org.apache.lucene.util.SetOnce;
import org.elasticsearch.cluster.metadata.IndexNameExpressionResolver;
import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.io.stream.NamedWriteableRegistry;
import org.elasticsearch.common.settings.ClusterSettings;
import org.elasticsearch.common.settings.IndexScopedSettings;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.settings.SettingsFilter;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.RestController;
import org.elasticsearch.rest.RestHandler;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.elasticsearch.plugins.AnalysisPlugin.requiresAnalysisSettings;

/**
 * What the development node lacks of a stock Elasticsearch for this project: the analysis components
 * that the project's index settings use (search/analysis/elasticsearch.py), under the names and with the
 * parameters of the stock {@code analysis-common} module, and the root endpoint of {@code rest-root}.
 *
 * <p>Why: the runnable distribution on Maven Central lacks both modules. Keeping the stock names means
 * the very same index settings work on a stock cluster, where this plugin is absent. Never install this
 * plugin next to {@code analysis-common} or {@code rest-root}: the names would clash and the node would
 * refuse to start.
 *
 * <p>Only the components the index uses are here; the rest of analysis-common (n-gram tokenizers,
 * word delimiters, other languages' stemmers, ...) is left out so that nothing untested pretends to be
 * stock. Not registered because the server itself has them: the {@code standard} tokenizer,
 * {@code lowercase} (by name) and {@code stop} (including {@code "_dutch_"}).
 */
public class ProjectAnalysisPlugin extends Plugin implements AnalysisPlugin, ActionPlugin {

    private final SetOnce<ClusterService> clusterService = new SetOnce<>();

    @Override
    public Collection<?> createComponents(PluginServices services) {
        clusterService.set(services.clusterService());
        return List.of();
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> filters = new TreeMap<>();
        // Usable by name without settings, as in stock: their defaults make sense on their own.
        filters.put("asciifolding", AsciiFoldingFilterFactory::new);
        filters.put("edge_ngram", EdgeNGramFilterFactory::new);
        // These need settings (a language, word lists, rules): referencing them by bare name is an error.
        filters.put("stemmer", requiresAnalysisSettings(StemmerFilterFactory::new));
        filters.put("stemmer_override", requiresAnalysisSettings(StemmerOverrideFilterFactory::new));
        filters.put("keyword_marker", requiresAnalysisSettings(KeywordMarkerFilterFactory::new));
        filters.put("dictionary_decompounder", requiresAnalysisSettings(DictionaryDecompounderFilterFactory::new));
        filters.put("synonym_graph", requiresAnalysisSettings(SynonymFilterFactory::new));
        return filters;
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        return Map.of("html_strip", HtmlStripCharFilterFactory::new);
    }

    @Override
    public Collection<RestHandler> getRestHandlers(
        Settings settings,
        NamedWriteableRegistry namedWriteableRegistry,
        RestController restController,
        ClusterSettings clusterSettings,
        IndexScopedSettings indexScopedSettings,
        SettingsFilter settingsFilter,
        IndexNameExpressionResolver indexNameExpressionResolver,
        Supplier<DiscoveryNodes> nodesInCluster,
        Predicate<NodeFeature> clusterSupportsFeature
    ) {
        Supplier<ClusterService> cluster = clusterService::get;
        return List.of(new RootInfoRestHandler(cluster));
    }
}
