package project.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.CustomAnalyzer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.function.Function;

/**
 * {@code synonym_graph} token filter, with stock's parameters: {@code synonyms} (inline rules) or
 * {@code synonyms_path} (a file relative to the node's config directory), {@code expand} (default
 * true), {@code lenient} (default false, true for {@code updateable} filters) and {@code updateable}
 * (search-time only). Rules are in the Solr format, the one the project writes; {@code format: wordnet}
 * and {@code synonyms_set} (synonyms stored in the cluster) are refused with a 400.
 *
 * <p>Like stock, the rules are analysed with the analyzer chain in front of this filter (its tokenizer,
 * char filters and the token filters before it, each in its synonym-parsing form), so "Echtscheiding"
 * in a rule matches the lowercased, folded, ... token that the text produces.
 */
final class SynonymFilterFactory extends AbstractTokenFilterFactory {

    private final boolean expand;
    private final boolean lenient;
    private final AnalysisMode analysisMode;
    private final String rules;
    private final String origin;

    SynonymFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        boolean updateable = Params.boolParam(name, settings, "updateable", false);
        this.analysisMode = updateable ? AnalysisMode.SEARCH_TIME : AnalysisMode.ALL;
        this.expand = Params.boolParam(name, settings, "expand", true);
        this.lenient = Params.boolParam(name, settings, "lenient", updateable);
        String format = settings.get("format", "solr");
        if (format.equals("solr") == false) {
            throw new IllegalArgumentException(
                "[format] of synonym_graph filter [" + name + "] must be [solr] (the only format of the project-analysis plugin), got ["
                    + format + "]"
            );
        }

        // Same precedence as stock: inline rules, then synonyms_set, then synonyms_path.
        List<String> lines;
        if (settings.hasValue("synonyms")) {
            lines = Analysis.getWordList(env, settings.filter(key -> key.equals("synonyms_path") == false), "synonyms");
            this.origin = "'" + name + "' analyzer settings";
        } else if (settings.hasValue("synonyms_set")) {
            throw new IllegalArgumentException(
                "synonym_graph filter [" + name + "]: [synonyms_set] (synonyms stored in the cluster) is not supported by the "
                    + "project-analysis plugin; give the rules inline in [synonyms] or in a file with [synonyms_path]"
            );
        } else if (settings.hasValue("synonyms_path")) {
            lines = Analysis.getWordList(env, settings, "synonyms");
            this.origin = settings.get("synonyms_path");
        } else {
            throw new IllegalArgumentException(
                "synonym_graph filter [" + name + "] requires either `synonyms`, `synonyms_set` or `synonyms_path` to be configured"
            );
        }
        this.rules = lines == null ? "" : String.join("\n", lines);
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        return analysisMode;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        // Elasticsearch always asks for the chain-aware variant below; reaching this is a bug.
        throw new IllegalStateException("Call getChainAwareTokenFilterFactory to specialize this factory for an analysis chain first");
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(
        IndexCreationContext context,
        TokenizerFactory tokenizer,
        List<CharFilterFactory> charFilters,
        List<TokenFilterFactory> previousTokenFilters,
        Function<String, TokenFilterFactory> allFilters
    ) {
        SynonymMap synonyms;
        try (
            Analyzer ruleAnalyzer = new CustomAnalyzer(
                tokenizer,
                charFilters.toArray(new CharFilterFactory[0]),
                previousTokenFilters.stream().map(TokenFilterFactory::getSynonymFilter).toArray(TokenFilterFactory[]::new)
            )
        ) {
            synonyms = buildSynonyms(ruleAnalyzer);
        }
        String name = name();
        AnalysisMode mode = analysisMode;
        return new TokenFilterFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TokenStream create(TokenStream tokenStream) {
                if (synonyms.fst == null) {
                    return tokenStream; // no rules
                }
                return new SynonymGraphFilter(tokenStream, synonyms, false);
            }

            @Override
            public TokenFilterFactory getSynonymFilter() {
                // A later synonym filter must not see this one's expansions while parsing its own rules.
                return IDENTITY_FILTER;
            }

            @Override
            public AnalysisMode getAnalysisMode() {
                return mode;
            }
        };
    }

    /** Parses the rules; visible for tests, which pass their own analyzer. */
    SynonymMap buildSynonyms(Analyzer ruleAnalyzer) {
        try {
            SynonymMap.Parser parser = new LenientSolrParser(expand, lenient, ruleAnalyzer);
            parser.parse(new StringReader(rules));
            return parser.build();
        } catch (Exception e) {
            StringBuilder reason = new StringBuilder("failed to build synonyms from [" + origin + "] for filter [" + name() + "]");
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t.getMessage() != null) {
                    reason.append(": ").append(t.getMessage());
                }
            }
            throw new IllegalArgumentException(reason.toString(), e);
        }
    }

    /**
     * With {@code lenient}, a rule whose words the analyzer rejects (for example a rule made only of
     * stop words) is skipped instead of failing the whole filter, as stock does.
     */
    private static final class LenientSolrParser extends SolrSynonymParser {
        private final boolean lenient;

        LenientSolrParser(boolean expand, boolean lenient, Analyzer analyzer) {
            super(true, expand, analyzer);
            this.lenient = lenient;
        }

        @Override
        public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
            try {
                return super.analyze(text, reuse);
            } catch (IllegalArgumentException e) {
                if (lenient == false) {
                    throw e;
                }
                return new CharsRef();
            }
        }

        @Override
        public void add(CharsRef input, CharsRef output, boolean includeOrig) {
            if (lenient && (input.length == 0 || output.length == 0)) {
                return;
            }
            super.add(input, output, includeOrig);
        }
    }
}
