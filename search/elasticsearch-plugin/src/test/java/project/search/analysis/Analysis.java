package project.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.cluster.metadata.IndexMetadata;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.IndexVersion;
import org.elasticsearch.index.analysis.IndexAnalyzers;
import org.elasticsearch.indices.analysis.AnalysisModule;
import org.elasticsearch.plugins.scanners.StablePluginsRegistry;
import org.elasticsearch.xcontent.XContentType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Builds index analyzers from index settings the way a node does (Elasticsearch's own AnalysisModule
 * and AnalysisRegistry with this plugin registered), so the tests see exactly what index creation
 * sees, including settings parsing, chain-aware synonyms and the errors that become HTTP 400s.
 */
final class Analysis {

    static {
        // Outside a node, Elasticsearch's logging has no provider yet and its classes fail to load.
        LogConfigurator.configureESLogging();
    }

    private Analysis() {}

    /** A node's config directory for *_path settings; tests put their files in it. */
    static Path newConfigDir() {
        try {
            Path home = Files.createTempDirectory("es-home");
            Path config = home.resolve("config");
            Files.createDirectories(config);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shared by the tests that read no files: setting up the analysis module is the slow part. */
    private static Path sharedConfigDir;

    /** @param indexSettingsJson the "settings" object of a create-index request, e.g. {"analysis": {...}} */
    static synchronized IndexAnalyzers build(String indexSettingsJson) {
        if (sharedConfigDir == null) {
            sharedConfigDir = newConfigDir();
        }
        return build(indexSettingsJson, sharedConfigDir);
    }

    private static final Map<Path, AnalysisModule> MODULES = new HashMap<>();

    private static synchronized AnalysisModule module(Path configDir) throws IOException {
        AnalysisModule module = MODULES.get(configDir);
        if (module == null) {
            Environment env = new Environment(Settings.builder().put("path.home", configDir.getParent().toString()).build(), configDir);
            module = new AnalysisModule(env, List.of(new ProjectAnalysisPlugin()), new StablePluginsRegistry());
            MODULES.put(configDir, module);
        }
        return module;
    }

    static IndexAnalyzers build(String indexSettingsJson, Path configDir) {
        // Create-index requests may leave out the "index." prefix; the node adds it, and so do we.
        Settings.Builder prefixed = Settings.builder().loadFromSource(indexSettingsJson, XContentType.JSON).normalizePrefix("index.");
        Settings settings = prefixed.put(IndexMetadata.SETTING_VERSION_CREATED, IndexVersion.current())
            .put(IndexMetadata.SETTING_NUMBER_OF_SHARDS, 1)
            .put(IndexMetadata.SETTING_NUMBER_OF_REPLICAS, 0)
            .build();
        IndexSettings indexSettings = new IndexSettings(IndexMetadata.builder("test").settings(settings).build(), Settings.EMPTY);
        try {
            return module(configDir).getAnalysisRegistry().build(IndexCreationContext.CREATE_INDEX, indexSettings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Analyzes text with the named analyzer of an index built from these settings. */
    static List<String> tokens(String indexSettingsJson, String analyzer, String text) {
        IndexAnalyzers analyzers = build(indexSettingsJson);
        Analyzer a = analyzers.get(analyzer);
        assertNotNull(a, "no analyzer [" + analyzer + "]");
        return tokens(a, text);
    }

    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("field", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Index creation with these settings must fail like a 400: IllegalArgumentException. Returns its message chain. */
    static String rejected(String indexSettingsJson) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> build(indexSettingsJson));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }

    /** Settings with one custom analyzer "test": standard tokenizer, then the given filter definitions. */
    static String analyzerWithFilters(String filtersJson, String... chain) {
        return """
            {"analysis": {
              "filter": %s,
              "analyzer": {"test": {"type": "custom", "tokenizer": "standard", "filter": [%s]}}
            }}""".formatted(filtersJson, quoted(chain));
    }

    static String quoted(String... names) {
        List<String> q = new ArrayList<>();
        for (String n : names) {
            q.add('"' + n + '"');
        }
        return String.join(", ", q);
    }
}
