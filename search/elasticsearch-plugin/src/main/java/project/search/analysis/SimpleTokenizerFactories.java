package project.search.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

/** The {@code keyword} (whole input = one token) and {@code whitespace} tokenizers, with stock's parameters. */
final class SimpleTokenizerFactories {

    private SimpleTokenizerFactories() {}

    static TokenizerFactory keyword(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        int bufferSize = Params.intParam(name, settings, "buffer_size", KeywordTokenizer.DEFAULT_BUFFER_SIZE);
        if (bufferSize <= 0) {
            throw new IllegalArgumentException("[buffer_size] of keyword tokenizer [" + name + "] must be > 0, got [" + bufferSize + "]");
        }
        return new AbstractTokenizerFactory(indexSettings, settings, name) {
            @Override
            public Tokenizer create() {
                return new KeywordTokenizer(bufferSize);
            }
        };
    }

    static TokenizerFactory whitespace(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        int maxTokenLength = Params.intParam(name, settings, "max_token_length", 255);
        if (maxTokenLength <= 0) {
            throw new IllegalArgumentException(
                "[max_token_length] of whitespace tokenizer [" + name + "] must be > 0, got [" + maxTokenLength + "]"
            );
        }
        return new AbstractTokenizerFactory(indexSettings, settings, name) {
            @Override
            public Tokenizer create() {
                return new WhitespaceTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, maxTokenLength);
            }
        };
    }
}
