package project.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code stemmer_override} token filter: fixed stems that a later stemmer leaves alone (the filter
 * marks them as keywords). Rules are "word, other word => stem", given inline in {@code rules} or one
 * per line in the file {@code rules_path} (relative to the node's config directory).
 */
final class StemmerOverrideFilterFactory extends AbstractTokenFilterFactory {

    private final StemmerOverrideMap overrideMap;

    StemmerOverrideFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        List<String> rules = Analysis.getWordList(env, settings, "rules");
        if (rules == null) {
            throw new IllegalArgumentException("stemmer_override filter [" + name + "] requires either [rules] or [rules_path]");
        }
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        for (String rule : rules) {
            addRule(name, rule, builder);
        }
        try {
            this.overrideMap = builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void addRule(String name, String rule, StemmerOverrideFilter.Builder builder) {
        String[] sides = rule.split("=>", -1);
        if (sides.length != 2) {
            throw invalidRule(name, rule);
        }
        String stem = sides[1].trim();
        if (stem.isEmpty()) {
            throw invalidRule(name, rule);
        }
        for (String word : sides[0].split(",", -1)) {
            String key = word.trim();
            if (key.isEmpty()) {
                throw invalidRule(name, rule);
            }
            builder.add(key, stem);
        }
    }

    private static IllegalArgumentException invalidRule(String name, String rule) {
        return new IllegalArgumentException(
            "Invalid rule [" + rule + "] in stemmer_override filter [" + name + "]: expected \"word[, word...] => stem\""
        );
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new StemmerOverrideFilter(tokenStream, overrideMap);
    }
}
