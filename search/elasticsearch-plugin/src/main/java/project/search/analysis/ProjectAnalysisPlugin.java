package project.search.analysis;

import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.util.Map;
import java.util.TreeMap;

import static org.elasticsearch.plugins.AnalysisPlugin.requiresAnalysisSettings;

/**
 * Registers the analysis components that the project's index settings use, under the names and with
 * the parameters of Elasticsearch's stock {@code analysis-common} module.
 *
 * <p>Why: the runnable distribution on Maven Central lacks {@code analysis-common}. Keeping the stock
 * names means the very same index settings work on a stock cluster, where this plugin is absent.
 * Never install this plugin next to {@code analysis-common}: the names would clash and the node
 * would refuse to start.
 *
 * <p>Not registered here because the server itself already has them: {@code standard} tokenizer,
 * {@code stop} (including {@code "_dutch_"}), {@code shingle} and {@code hunspell}.
 */
public class ProjectAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> filters = new TreeMap<>();
        // Usable by name without settings (like stock): the defaults make sense on their own.
        filters.put("stemmer", StemmerFilterFactory::new);
        filters.put("asciifolding", AsciiFoldingFilterFactory::new);
        filters.put("ngram", NGramFilterFactory::new);
        filters.put("edge_ngram", EdgeNGramFilterFactory::new);
        filters.put("word_delimiter_graph", WordDelimiterGraphFilterFactory::new);
        // The server knows "lowercase" only by name in a filter list; this makes {"type": "lowercase"} work too.
        filters.put("lowercase", LowercaseFilterFactory::new);
        // These need their word lists / rules: referencing them by bare name is an error, as in stock.
        filters.put("stemmer_override", requiresAnalysisSettings(StemmerOverrideFilterFactory::new));
        filters.put("keyword_marker", requiresAnalysisSettings(KeywordMarkerFilterFactory::new));
        filters.put("dictionary_decompounder", requiresAnalysisSettings(DictionaryDecompounderFilterFactory::new));
        filters.put(
            "synonym",
            requiresAnalysisSettings((indexSettings, env, name, settings) -> new SynonymFilterFactory(indexSettings, env, name, settings, false))
        );
        filters.put(
            "synonym_graph",
            requiresAnalysisSettings((indexSettings, env, name, settings) -> new SynonymFilterFactory(indexSettings, env, name, settings, true))
        );
        return filters;
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        Map<String, AnalysisProvider<TokenizerFactory>> tokenizers = new TreeMap<>();
        tokenizers.put("ngram", NGramTokenizerFactory::new);
        tokenizers.put("edge_ngram", EdgeNGramTokenizerFactory::new);
        // Two trivial tokenizers that stock analysis-common has and analyzer definitions often use.
        tokenizers.put("keyword", SimpleTokenizerFactories::keyword);
        tokenizers.put("whitespace", SimpleTokenizerFactories::whitespace);
        return tokenizers;
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        return Map.of("html_strip", HtmlStripCharFilterFactory::new);
    }
}
