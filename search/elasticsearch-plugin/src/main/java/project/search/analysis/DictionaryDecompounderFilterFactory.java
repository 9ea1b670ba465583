package project.search.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.compound.CompoundWordTokenFilterBase;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/**
 * {@code dictionary_decompounder} token filter: keeps each token and adds the parts of it found in
 * {@code word_list} / {@code word_list_path} ("ouderschapsplan" -> ouderschapsplan, ouderschap, plan).
 * Defaults as stock: min_word_size 5, min_subword_size 2, max_subword_size 15, only_longest_match false.
 */
final class DictionaryDecompounderFilterFactory extends AbstractTokenFilterFactory {

    private final CharArraySet wordList;
    private final int minWordSize;
    private final int minSubwordSize;
    private final int maxSubwordSize;
    private final boolean onlyLongestMatch;

    DictionaryDecompounderFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        this.minWordSize = Params.intParam(name, settings, "min_word_size", CompoundWordTokenFilterBase.DEFAULT_MIN_WORD_SIZE);
        this.minSubwordSize = Params.intParam(name, settings, "min_subword_size", CompoundWordTokenFilterBase.DEFAULT_MIN_SUBWORD_SIZE);
        this.maxSubwordSize = Params.intParam(name, settings, "max_subword_size", CompoundWordTokenFilterBase.DEFAULT_MAX_SUBWORD_SIZE);
        this.onlyLongestMatch = Params.boolParam(name, settings, "only_longest_match", false);
        // Lucene's constructor rejects these too, but only when the first text is analysed: check now.
        if (minWordSize < 0 || minSubwordSize < 0 || maxSubwordSize < 0) {
            throw new IllegalArgumentException(
                "dictionary_decompounder filter [" + name + "]: [min_word_size], [min_subword_size] and [max_subword_size] must not be negative"
            );
        }
        this.wordList = Analysis.getWordSet(env, settings, "word_list");
        if (wordList == null) {
            throw new IllegalArgumentException(
                "word_list must be provided for dictionary_decompounder filter [" + name + "], either as a path to a file ([word_list_path]) or directly ([word_list])"
            );
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new DictionaryCompoundWordTokenFilter(tokenStream, wordList, minWordSize, minSubwordSize, maxSubwordSize, onlyLongestMatch);
    }

    @Override
    public TokenFilterFactory getSynonymFilter() {
        // Synonym rules are matched against whole words: don't split them (as stock).
        return IDENTITY_FILTER;
    }
}
