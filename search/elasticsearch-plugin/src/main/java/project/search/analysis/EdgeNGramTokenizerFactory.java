package project.search.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;

import java.util.function.IntPredicate;

/**
 * {@code edge_ngram} tokenizer: prefixes of each word, {@code min_gram} (default 1), {@code max_gram}
 * (default 2), {@code token_chars}. Not limited by index.max_ngram_diff (neither is stock's).
 */
final class EdgeNGramTokenizerFactory extends AbstractTokenizerFactory {

    private final int minGram;
    private final int maxGram;
    private final IntPredicate tokenChars;

    EdgeNGramTokenizerFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(indexSettings, settings, name);
        this.minGram = Params.intParam(name, settings, "min_gram", 1);
        this.maxGram = Params.intParam(name, settings, "max_gram", 2);
        Params.checkGramSizes(name, minGram, maxGram);
        this.tokenChars = TokenChars.parse(name, settings);
    }

    @Override
    public Tokenizer create() {
        if (tokenChars == null) {
            return new EdgeNGramTokenizer(minGram, maxGram);
        }
        IntPredicate chars = tokenChars;
        return new EdgeNGramTokenizer(minGram, maxGram) {
            @Override
            protected boolean isTokenChar(int chr) {
                return chars.test(chr);
            }
        };
    }
}
